using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// The hash chain over the audit trail. Each entry's <see cref="AuditEntry.Hash"/> is the SHA-256 (lower-case hex)
/// of the canonical form of its fields — a UTF-8 JSON array, in this order: the format version
/// <see cref="Version"/>, report id, correction id, organization id, year, user id, user name, time (UTC,
/// <c>yyyy-MM-ddTHH:mm:ss.ffffff</c>), action, description, changes, and the previous entry's hash — so changing
/// any field, or the link, changes the hash. The entries are chained in the order of their ids: the first
/// hashed entry has no previous hash, every later one names the hash of the entry just before it. Entries written
/// before the chain began (by a portal without it) have no hash and are not part of it.
/// </summary>
public static class AuditChain
{
    public const string Version = "govinfo-audit/1";

    /// <summary>The key of the PostgreSQL advisory lock that serializes the writers of the chain.</summary>
    public const long PostgresLockKey = 0x476F76496E666F41; // "GovInfoA"

    /// <summary>The SQL Server application lock that serializes the writers of the chain.</summary>
    public const string SqlServerLockName = "GovInfoPortal.AuditChain";

    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));
    }

    /// <summary>The bytes the hash is computed over.</summary>
    public static byte[] Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(Version);
            json.WriteNumberValue(entry.ReportId);
            WriteNullable(json, entry.CorrectionId);
            json.WriteNumberValue(entry.OrganizationId);
            json.WriteNumberValue(entry.Year);
            json.WriteStringValue(entry.UserId);
            json.WriteStringValue(entry.UserName);
            json.WriteStringValue(entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.Action);
            json.WriteStringValue(entry.Description);
            json.WriteStringValue(entry.Changes);
            json.WriteStringValue(entry.PreviousHash);
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
