using System.Runtime.CompilerServices;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// Writes the audit trail of every save through EF, so that no page, import or command has to remember it:
/// the content changes of each report and correction (comparing the values loaded with the values saved, cell by
/// cell) and the workflow steps the domain recorded (<see cref="ReportWorkingCopy.PendingEvents"/>), each with the
/// <see cref="ICurrentActor"/> of the context's scope. A submission also keeps a snapshot of the content submitted
/// (<see cref="ReportSubmission"/>). The trail is written in the same transaction as the change (one is opened
/// when the caller has none), so a change is never saved without its audit entry. Audit entries, submissions,
/// published revisions and comments are never updated, nor audit entries and revisions deleted: a save that tries
/// is refused.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    public static readonly AuditInterceptor Instance = new();

    /// <param name="Order">Steps are written in the order they were taken; a content change comes before its copy's steps.</param>
    private sealed record Step(ReportWorkingCopy Copy, WorkflowEvent? Event, IReadOnlyList<ContentChange>? Changes, DateTime At, double Order);

    private sealed class Pending(IReadOnlyList<Step> steps, Actor actor)
    {
        public IReadOnlyList<Step> Steps { get; } = steps;

        public Actor Actor { get; } = actor;

        public IDbContextTransaction? Transaction { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    // Contexts saving their audit entries right now: that save has nothing more to audit.
    private readonly ConditionalWeakTable<DbContext, object> _writing = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.Transaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.Transaction = eventData.Context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GovInfoDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            await using var transaction = pending.Transaction;
            await WriteAsync(db, pending, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is GovInfoDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            using var transaction = pending.Transaction;
            WriteAsync(db, pending, CancellationToken.None).GetAwaiter().GetResult();
            transaction?.Commit();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The transaction this interceptor opened is rolled back with the failed save (disposing it rolls back).</summary>
    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            pending.Transaction?.Dispose();
        }
    }

    private Pending? Collect(DbContext? context)
    {
        if (context is not GovInfoDbContext db)
        {
            return null;
        }

        RefuseChangesToRecords(db);
        if (_writing.TryGetValue(db, out _))
        {
            return null;
        }

        var steps = new List<Step>();
        foreach (var entry in db.ChangeTracker.Entries<ReportWorkingCopy>())
        {
            var copy = entry.Entity;
            var events = copy.PendingEvents;
            IReadOnlyList<ContentChange>? changes = null;
            if (entry.State == EntityState.Modified && ContentComparison.Compare(Original(entry), ContentSnapshot.Of(copy)) is { Count: > 0 } changed)
            {
                changes = changed;
            }

            // Publishing a correction replaces the published content: the changes belong to that step.
            var publication = events.FirstOrDefault(e => e is { Action: ReportActions.Published, Correction: not null });
            if (changes is not null && publication is null)
            {
                steps.Add(new Step(copy, null, changes, copy.UpdatedAt, events.Count > 0 ? events[0].Sequence - 0.5 : double.MinValue));
            }

            steps.AddRange(events.Select(e => new Step(copy, e, ReferenceEquals(e, publication) ? changes : null, e.At, e.Sequence)));
        }

        if (steps.Count == 0)
        {
            return null;
        }

        var pending = new Pending([.. steps.OrderBy(s => s.Order)], ActorOf(db));
        _pending.AddOrUpdate(db, pending);
        return pending;
    }

    private static void RefuseChangesToRecords(GovInfoDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var refused = entry switch
            {
                { Entity: AuditEntry or ReportRevision, State: EntityState.Modified or EntityState.Deleted } => true,
                { Entity: ReportSubmission or ReviewComment or WarningDecision, State: EntityState.Modified } => true,
                _ => false,
            };
            if (refused)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are never changed once written.");
            }
        }
    }

    private static ContentSnapshot Original(EntityEntry<ReportWorkingCopy> entry)
    {
        var sections = entry.ComplexProperty(c => c.Sections);
        return new ContentSnapshot(
            entry.Property(c => c.Year).OriginalValue,
            entry.Property(c => c.Format).OriginalValue,
            new ReportSections(
                sections.Property(s => s.Overview).OriginalValue,
                sections.Property(s => s.Problems).OriginalValue,
                sections.Property(s => s.OtherMatters).OriginalValue),
            entry.Property(c => c.ActiveDisclosure).OriginalValue,
            entry.Property(c => c.Applications).OriginalValue,
            entry.Property(c => c.ReviewLitigation).OriginalValue,
            entry.Property(c => c.LegacyDocument).OriginalValue,
            entry.Property(c => c.LegacyFigures).OriginalValue,
            entry.Property(c => c.SignedBy).OriginalValue,
            entry.Property(c => c.WarningExplanations).OriginalValue);
    }

    /// <summary>The actor registered in the scope the context was made in (the portal's request), else the system.</summary>
    private static Actor ActorOf(GovInfoDbContext db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return (services?.GetService(typeof(ICurrentActor)) as ICurrentActor)?.Actor ?? Actor.System;
    }

    private async Task WriteAsync(GovInfoDbContext db, Pending pending, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<int, (int OrganizationId, int Year)>();
        foreach (var copy in pending.Steps.Select(s => s.Copy).Distinct())
        {
            var reportId = ReportIdOf(copy);
            if (!reports.ContainsKey(reportId))
            {
                reports[reportId] = copy is AnnualReport report
                    ? (report.OrganizationId, report.Year)
                    : await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
                        .Select(r => new ValueTuple<int, int>(r.OrganizationId, r.Year)).SingleAsync(cancellationToken);
            }
        }

        var entries = new List<AuditEntry>();
        foreach (var step in pending.Steps)
        {
            var reportId = ReportIdOf(step.Copy);
            var correctionId = CorrectionIdOf(step);
            var (organizationId, year) = reports[reportId];
            entries.Add(new AuditEntry(reportId, correctionId, organizationId, year, pending.Actor, step.At,
                step.Event?.Action ?? ReportActions.ContentChanged, step.Event?.Description ?? Describe(step.Copy, step.Changes!), step.Changes));
            if (step.Event?.Action == ReportActions.Submitted)
            {
                var organization = await db.Organizations.AsNoTracking().Include(o => o.Parent).SingleAsync(o => o.Id == organizationId, cancellationToken);
                var number = await db.ReportSubmissions.CountAsync(s => s.ReportId == reportId && s.CorrectionId == correctionId, cancellationToken) + 1;
                db.Add(new ReportSubmission(reportId, correctionId, number, pending.Actor, step.At, ReportDocument.From(step.Copy, organization)));
            }
        }

        _writing.AddOrUpdate(db, this);
        try
        {
            // Chained under the chain's lock, held to the end of the transaction; one insert at a time so that
            // the ids follow the chain.
            await LockChainAsync(db, cancellationToken);
            var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
            foreach (var entry in entries)
            {
                entry.Chain(previous);
                db.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
                previous = entry.Hash;
            }
        }
        finally
        {
            _writing.Remove(db);
        }

        foreach (var copy in pending.Steps.Select(s => s.Copy).Distinct())
        {
            copy.TakeEvents();
        }
    }

    /// <summary>
    /// Makes the other writers of the chain (other requests, other portal instances) wait until this transaction
    /// ends, so that each reads the chain's true last hash. SQLite needs none: this transaction already holds the
    /// database's one write lock.
    /// </summary>
    private static async Task LockChainAsync(GovInfoDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChain.PostgresLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlAsync(
                $"EXEC sp_getapplock @Resource = {AuditChain.SqlServerLockName}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
        }
    }

    private static int ReportIdOf(ReportWorkingCopy copy) => copy switch
    {
        AnnualReport report => report.Id,
        ReportCorrection correction => correction.ReportId,
        _ => throw new ArgumentOutOfRangeException(nameof(copy), copy.GetType().Name, "Unknown working copy."),
    };

    private static int? CorrectionIdOf(Step step) => step.Event?.Correction?.Id ?? (step.Copy as ReportCorrection)?.Id;

    /// <summary>修改报告内容：一、总体情况；表三 3 处；签发人.</summary>
    private static string Describe(ReportWorkingCopy copy, IReadOnlyList<ContentChange> changes)
    {
        var definition = FormatDefinition.For(copy.Format);
        var parts = changes.GroupBy(c => c.Part).Select(group => group.Key switch
        {
            _ when group.First().IsNarrative => ReportParts.DisplayName(group.Key),
            _ when group.First().IsCell => $"{definition.FindTable(group.Key)?.MessageLabel ?? group.Key} {group.Count()} 处",
            ContentComparison.ExplanationsPart => $"警告说明 {group.Count()} 条",
            ContentComparison.LegacyFiguresPart => $"主要统计数据 {group.Count()} 项",
            _ => group.First().Label,
        });
        return $"修改{(copy.IsCorrection ? "更正稿" : "报告")}内容：{string.Join("；", parts)}";
    }
}
