using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GovInfoPortal.Data;

/// <summary>
/// What a save does to a report's visibility, read from its change-tracker entry: the one reading of "published
/// before this save" and "published after it" that the save interceptors share (change log, kept totals).
/// </summary>
internal static class ReportEntries
{
    /// <summary>Whether the stored row, before this save, was a published report.</summary>
    public static bool WasPublished(EntityEntry entry) =>
        entry.State != EntityState.Added && (ReportStatus)entry.Property(nameof(AnnualReport.Status)).OriginalValue! == ReportStatus.Published;

    /// <summary>Whether the row, after this save, is a published report.</summary>
    public static bool IsPublished(EntityEntry entry) =>
        entry.State != EntityState.Deleted && (ReportStatus)entry.Property(nameof(AnnualReport.Status)).CurrentValue! == ReportStatus.Published;

    /// <summary>Whether citizens saw the report before this save or will after it.</summary>
    public static bool IsOrWasPublished(EntityEntry entry) => IsPublished(entry) || WasPublished(entry);
}
