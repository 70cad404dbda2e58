using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Saving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// Writes the audit trail of every save through EF, so that no page, import or command has to remember it:
/// the content changes of each report and correction (comparing the values loaded with the values saved, cell by
/// cell) and the workflow steps the domain recorded (<see cref="ReportWorkingCopy.PendingEvents"/>), each with the
/// <see cref="ICurrentActor"/> of the context's scope. A submission also keeps a snapshot of the content submitted
/// (<see cref="ReportSubmission"/>). The trail is written in the same transaction as the change (the save's, asked
/// for when the caller has none: <see cref="SaveRun.UseTransactionAsync"/>), so a change is never saved without its audit entry. Audit entries, submissions,
/// published revisions and comments are never updated, nor audit entries and revisions deleted: a save that tries
/// is refused.
/// </summary>
public sealed class AuditStep : SaveStep<AuditStep.Pending>
{
    /// <param name="Order">Steps are written in the order they were taken; a content change comes before its copy's steps.</param>
    internal sealed record Step(ReportWorkingCopy Copy, WorkflowEvent? Event, IReadOnlyList<ContentChange>? Changes, DateTime At, double Order);

    /// <summary>The steps one save takes and its actor.</summary>
    public sealed class Pending
    {
        internal Pending(IReadOnlyList<Step> steps, Actor actor)
        {
            Steps = steps;
            Actor = actor;
        }

        internal IReadOnlyList<Step> Steps { get; }

        internal Actor Actor { get; }
    }

    protected override async Task<Pending?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken)
    {
        var db = save.Db;
        RefuseChangesToRecords(db);
        // The saves of the audit entries this step writes (below) have nothing more to audit.
        if (save.IsMadeBy(this) || Collect(db) is not { } pending)
        {
            return null;
        }

        await save.UseTransactionAsync(cancellationToken);
        return pending;
    }

    protected override Task AfterSaveAsync(SaveRun save, Pending state, CancellationToken cancellationToken) =>
        WriteAsync(save.Db, state, cancellationToken);

    private static Pending? Collect(GovInfoDbContext db)
    {
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

        return steps.Count == 0 ? null : new Pending([.. steps.OrderBy(s => s.Order)], ActorOf(db));
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

    private static async Task WriteAsync(GovInfoDbContext db, Pending pending, CancellationToken cancellationToken)
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

        // Chained under the chain's lock, held to the end of the transaction; one insert at a time so that
        // the ids follow the chain. Each of these saves runs the pipeline again, made by this step.
        await LockChainAsync(db, cancellationToken);
        var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Chain(previous);
            db.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            previous = entry.Hash;
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
