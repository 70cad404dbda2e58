using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// One line of the audit trail: who did what to which report (or correction of it), when, and for content
/// changes which cells and parts changed with their old and new values. Written by <see cref="AuditStep"/>
/// as part of the save that made the change; never changed or deleted afterwards, and kept when the report
/// itself is gone (no foreign keys). Every field is set once, and each entry carries the SHA-256 <see cref="Hash"/>
/// of its fields and of the previous entry's hash (<see cref="AuditChain"/>), so that an entry changed, deleted or
/// inserted in the database breaks the chain.
/// </summary>
public class AuditEntry
{
    public const int ActionMaxLength = 40;
    public const int DescriptionMaxLength = 4000;
    public const int UserIdMaxLength = 450;

    /// <summary>A SHA-256 hash as lower-case hex.</summary>
    public const int HashLength = 64;

    private static readonly JsonSerializerOptions ChangesJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private AuditEntry()
    {
        UserName = string.Empty;
        Action = string.Empty;
        Description = string.Empty;
    }

    public AuditEntry(int reportId, int? correctionId, int organizationId, int year, Actor actor, DateTime at, string action, string description,
        IReadOnlyList<ContentChange>? changes)
        : this()
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ReportId = reportId;
        CorrectionId = correctionId;
        OrganizationId = organizationId;
        Year = year;
        UserId = actor.UserId;
        UserName = Truncate(actor.Name, Actor.NameMaxLength);
        // Whole microseconds, the precision every provider keeps, so that the hash reads back the same.
        At = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));
        Action = action;
        Description = Truncate(description, DescriptionMaxLength);
        Changes = changes is { Count: > 0 } ? JsonSerializer.Serialize(changes, ChangesJson) : null;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>The correction the step was taken on, or null for the report's first round.</summary>
    public int? CorrectionId { get; private set; }

    public int OrganizationId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The account that acted, or null for the system.</summary>
    public string? UserId { get; private set; }

    public string UserName { get; private set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; private set; }

    /// <summary>One of <see cref="ReportActions"/>.</summary>
    public string Action { get; private set; }

    /// <summary>What happened, in zh-CN.</summary>
    public string Description { get; private set; }

    /// <summary>The changed cells and parts as a JSON array (<see cref="ContentChange"/>), or null.</summary>
    public string? Changes { get; private set; }

    /// <summary>The <see cref="Hash"/> of the entry before this one in the chain; null for the first (see <see cref="AuditChain"/>).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 over this entry's fields and <see cref="PreviousHash"/>; null only for entries written before the chain began.</summary>
    public string? Hash { get; private set; }

    /// <summary>Links this new entry to the chain after the entry whose hash is <paramref name="previousHash"/>.</summary>
    internal void Chain(string? previousHash)
    {
        if (Hash is not null)
        {
            throw new InvalidOperationException("An audit entry is chained once.");
        }

        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this);
    }

    public IReadOnlyList<ContentChange> ChangeList() =>
        Changes is null ? [] : JsonSerializer.Deserialize<List<ContentChange>>(Changes, ChangesJson) ?? [];

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
