using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Import;

/// <summary>One document to import and where it came from (a file name), for messages.</summary>
public sealed record ImportItem(string Source, ReportDocument Document);

/// <param name="Replace">Replace an existing report of the same organization and year while it is a draft or returned (never one under review or published).</param>
public sealed record ReportImportOptions(bool Replace = false);

/// <summary>Why a document was not imported (zh-CN), naming the document.</summary>
public sealed record ImportError(string Source, string Message)
{
    public override string ToString() => $"{Source}：{Message}";
}

/// <summary>
/// The outcome of an import: either everything was saved (<see cref="Success"/>, no errors) or nothing
/// was (the errors say why, one or more per document).
/// </summary>
public sealed record ReportImportResult(
    int Imported,
    int Replaced,
    IReadOnlyList<string> CreatedOrganizations,
    IReadOnlyList<ImportError> Errors)
{
    public bool Success => Errors.Count == 0;

    public static ReportImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, [], errors);
}

/// <summary>
/// Imports <c>govinfo-annual-report/1</c> documents, all or nothing, in one transaction.
/// <list type="bullet">
/// <item>The organization is found by code, else by name; a missing one is created (kind from
/// <see cref="OrganizationRef.EffectiveKind"/>) under the organization named by <c>parent</c>, which is
/// created as a root when missing too.</item>
/// <item>A report that already exists for the organization and year is refused, unless
/// <see cref="ReportImportOptions.Replace"/> is set and it is still editable (a draft or returned; neither under
/// review nor published).</item>
/// <item>A document with <c>publishedOn</c> is archived as published; any other becomes a draft.</item>
/// </list>
/// </summary>
public sealed class ReportImporter(GovInfoDbContext db, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Imports documents named by their position in the batch.</summary>
    public Task<ReportImportResult> ImportAsync(IReadOnlyList<ReportDocument> documents, ReportImportOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ImportAsync(documents.Select((d, i) => new ImportItem($"第 {i + 1} 份文档（{d.Organization.Name} {d.Year} 年度）", d)).ToList(),
            options, cancellationToken);

    /// <summary>Imports documents named by their source (a file name): all of them, or none.</summary>
    public async Task<ReportImportResult> ImportAsync(IReadOnlyList<ImportItem> items, ReportImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new ReportImportOptions();
        var errors = CheckBatch(items);
        if (errors.Count > 0)
        {
            return ReportImportResult.Failed(errors);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var created = new List<string>();
        var imported = 0;
        var replaced = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (source, document) in items)
            {
                var organization = await ResolveAsync(document.Organization, created, cancellationToken);
                if (organization is null)
                {
                    errors.Add(new(source, $"有多个名为“{document.Organization.Name}”的机关，请在文档中注明机关代码。"));
                    continue;
                }

                var existing = organization.Id == 0
                    ? null
                    : await db.Reports.FirstOrDefaultAsync(r => r.OrganizationId == organization.Id && r.Year == document.Year, cancellationToken);
                if (existing is not null)
                {
                    if (!options.Replace)
                    {
                        errors.Add(new(source, $"“{organization.Name}”{document.Year} 年度报告已存在，未导入任何文档；如需替换尚未发布的报告，请选择替换。"));
                        continue;
                    }

                    if (existing.Status == ReportStatus.Published)
                    {
                        errors.Add(new(source, $"“{organization.Name}”{document.Year} 年度报告已发布，不能替换，未导入任何文档；请通过更正流程修改。"));
                        continue;
                    }

                    if (!existing.IsEditable)
                    {
                        errors.Add(new(source, $"“{organization.Name}”{document.Year} 年度报告当前状态为“{existing.Status.DisplayName()}”，正在审核中，不能替换，未导入任何文档。"));
                        continue;
                    }

                    replaced++;
                    if (document.PublishedOn is null)
                    {
                        existing.ReplaceContent(document, document.Document, document.LegacyFigures, now);
                        continue;
                    }

                    // A published archive replaces the unpublished report as a new, published one.
                    db.Reports.Remove(existing);
                }
                else
                {
                    imported++;
                }

                db.Reports.Add(AnnualReport.Archived(organization, document, document.Document, document.LegacyFigures,
                    signedBy: null, published: document.PublishedOn is not null, now));
            }

            if (errors.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return ReportImportResult.Failed(errors);
            }

            await db.SaveWithPathsAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ReportImportResult(imported, replaced, created, []);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return ReportImportResult.Failed([new("导入", "保存时与其他操作冲突（可能有人同时导入或修改了同一报告），未导入任何文档，请重试。")]);
        }
    }

    private static List<ImportError> CheckBatch(IReadOnlyList<ImportItem> items)
    {
        var errors = new List<ImportError>();
        var seen = new Dictionary<(string Identity, int Year), string>();
        foreach (var (source, document) in items)
        {
            ArgumentNullException.ThrowIfNull(document);
            var key = (document.Organization.Identity, document.Year);
            if (!seen.TryAdd(key, source))
            {
                errors.Add(new(source, $"与“{seen[key]}”是同一机关同一年度的报告，一次导入中只能有一份。"));
            }

            if (document.Document is { Length: > AnnualReport.DocumentNameMaxLength })
            {
                errors.Add(new(source, $"存档文件名超过 {AnnualReport.DocumentNameMaxLength} 个字符。"));
            }

            if (document.Format == ReportFormat.Legacy && document.Year >= ReportFormats.FirstYear2019)
            {
                errors.Add(new(source, $"{document.Year} 年度的报告不能以“{ReportFormat.Legacy.DisplayName()}”格式导入。"));
            }
        }

        return errors;
    }

    /// <summary>The organization a document names: by code, else by name; created (with its parent) when missing. Null when the name is ambiguous.</summary>
    private async Task<Organization?> ResolveAsync(OrganizationRef reference, List<string> created, CancellationToken cancellationToken)
    {
        if (reference.Code is { Length: > 0 } code)
        {
            var byCode = db.Organizations.Local.FirstOrDefault(o => o.Code == code)
                ?? await db.Organizations.Include(o => o.Parent).FirstOrDefaultAsync(o => o.Code == code, cancellationToken);
            if (byCode is not null)
            {
                return byCode;
            }
        }

        var candidates = await FindByNameAsync(reference.Name, cancellationToken);
        // A namesake with another code is another body.
        candidates = candidates.Where(o => o.Code is null || reference.Code is null || o.Code == reference.Code).ToList();
        if (candidates.Count > 1 && reference.Parent is not null)
        {
            candidates = candidates.Where(o => o.Parent?.Name == reference.Parent).ToList();
        }

        switch (candidates.Count)
        {
            case 1:
                return candidates[0];
            case > 1:
                return null;
        }

        Organization? parent = null;
        if (reference.Parent is { Length: > 0 } parentName)
        {
            var parents = await FindByNameAsync(parentName, cancellationToken);
            if (parents.Count > 1)
            {
                return null;
            }

            parent = parents.SingleOrDefault();
            if (parent is null)
            {
                parent = new Organization(parentName, null, OrganizationKinds.FromName(parentName));
                db.Organizations.Add(parent);
                created.Add(parent.Name);
            }
        }

        var organization = new Organization(reference.Name, reference.Code, reference.EffectiveKind, parent);
        db.Organizations.Add(organization);
        created.Add(organization.Name);
        return organization;
    }

    private async Task<List<Organization>> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await db.Organizations.Include(o => o.Parent).Where(o => o.Name == name).ToListAsync(cancellationToken);
        return stored.Union(db.Organizations.Local.Where(o => o.Name == name)).ToList();
    }
}
