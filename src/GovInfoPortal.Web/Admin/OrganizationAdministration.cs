using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Admin;

/// <summary>An organization in the admin tree, with its depth (0 for a root).</summary>
public sealed record OrganizationNode(int Id, string Name, string? Code, OrganizationKind Kind, int? ParentId, string Path, int Depth)
{
    /// <summary>The name indented by depth, for choice lists.</summary>
    public string IndentedName => new string('　', Depth) + Name;
}

/// <summary>What the admin types for an organization.</summary>
public sealed record OrganizationInput(string? Name, string? Code, OrganizationKind Kind, int? ParentId);

/// <summary>The organization tree: create, rename, recode, change the kind, move (with the whole subtree).</summary>
public sealed class OrganizationAdministration(GovInfoDbContext db)
{
    /// <summary>A user's organization as an admin names it in a form: its code, or its full name where it has none.</summary>
    public sealed record Named(int Id, string Name, string? Code)
    {
        public string Key => Code ?? Name;
    }

    /// <summary>
    /// The organization with this code, else the one organization with exactly this name; null when none matches.
    /// Ambiguous is set when several organizations bear the name (the code is then needed).
    /// </summary>
    public async Task<(Named? Organization, bool Ambiguous)> FindByCodeOrNameAsync(string key, CancellationToken cancellationToken = default)
    {
        key = key.Trim();
        var byCode = await db.Organizations.AsNoTracking().Where(o => o.Code == key)
            .Select(o => new Named(o.Id, o.Name, o.Code)).FirstOrDefaultAsync(cancellationToken);
        if (byCode is not null)
        {
            return (byCode, false);
        }

        var byName = await db.Organizations.AsNoTracking().Where(o => o.Name == key).OrderBy(o => o.Id).Take(2)
            .Select(o => new Named(o.Id, o.Name, o.Code)).ToListAsync(cancellationToken);
        return byName.Count == 1 ? (byName[0], false) : (null, byName.Count > 1);
    }

    public Task<Named?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new Named(o.Id, o.Name, o.Code)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every organization, depth first, siblings in the order they were created.</summary>
    public async Task<IReadOnlyList<OrganizationNode>> TreeAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.Code, o.Kind, o.ParentId, o.Path })
            .ToListAsync(cancellationToken);
        var children = all.ToLookup(o => o.ParentId);
        var ordered = new List<OrganizationNode>(all.Count);
        void Walk(int? parentId, int depth)
        {
            foreach (var o in children[parentId].OrderBy(o => o.Id))
            {
                ordered.Add(new OrganizationNode(o.Id, o.Name, o.Code, o.Kind, o.ParentId, o.Path, depth));
                Walk(o.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return ordered;
    }

    public async Task<AdminResult> CreateAsync(OrganizationInput input, CancellationToken cancellationToken = default)
    {
        var errors = await CheckAsync(null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        var parent = input.ParentId is { } parentId ? await db.Organizations.FindAsync([parentId], cancellationToken) : null;
        db.Organizations.Add(new Organization(input.Name!, input.Code, input.Kind, parent));
        return await SaveAsync(cancellationToken);
    }

    public async Task<AdminResult> UpdateAsync(int id, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.FindAsync([id], cancellationToken) is not { } organization)
        {
            return AdminResult.Failed(null, "该机关不存在。");
        }

        var errors = await CheckAsync(organization, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        organization.Rename(input.Name!);
        organization.SetCode(input.Code);
        organization.ChangeKind(input.Kind);
        if (organization.ParentId != input.ParentId)
        {
            var parent = input.ParentId is { } parentId ? await db.Organizations.FindAsync([parentId], cancellationToken) : null;
            var oldPath = organization.MoveTo(parent);
            var descendants = await db.Organizations.InSubtree(oldPath).Where(o => o.Id != id).ToListAsync(cancellationToken);
            foreach (var descendant in descendants)
            {
                descendant.RebasePath(oldPath, organization.Path);
            }
        }

        return await SaveAsync(cancellationToken);
    }

    private async Task<List<FieldError>> CheckAsync(Organization? existing, OrganizationInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new FieldError("Name", "请填写机关名称。"));
        }
        else if (name.Length > Organization.NameMaxLength)
        {
            errors.Add(new FieldError("Name", $"机关名称不能超过 {Organization.NameMaxLength} 个字。"));
        }

        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        if (code is { Length: > Organization.CodeMaxLength })
        {
            errors.Add(new FieldError("Code", $"机关代码不能超过 {Organization.CodeMaxLength} 个字符。"));
        }
        else if (code is not null && await db.Organizations.AnyAsync(o => o.Code == code && (existing == null || o.Id != existing.Id), cancellationToken))
        {
            errors.Add(new FieldError("Code", $"机关代码“{code}”已被其他机关使用。"));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new FieldError("Kind", "请选择机关类型。"));
        }

        if (input.ParentId is { } parentId)
        {
            var parentPath = await db.Organizations.Where(o => o.Id == parentId).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken);
            if (parentPath is null)
            {
                errors.Add(new FieldError("ParentId", "所选上级机关不存在。"));
            }
            else if (existing is not null && parentPath.StartsWith(existing.Path, StringComparison.Ordinal))
            {
                errors.Add(new FieldError("ParentId", "不能把机关移到它自己或它的下级机关之下。"));
            }
        }

        return errors;
    }

    private async Task<AdminResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveWithPathsAsync(cancellationToken);
            return AdminResult.Success;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Failed(null, "保存时与其他操作冲突（可能有人同时修改了机关），请刷新后重试。");
        }
    }
}
