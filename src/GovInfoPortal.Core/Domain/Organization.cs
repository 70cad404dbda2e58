namespace GovInfoPortal.Core.Domain;

/// <summary>What kind of body an organization is; the kind sets the report deadline.</summary>
public enum OrganizationKind
{
    /// <summary>人民政府: a people's government (province, city, district, county).</summary>
    PeoplesGovernment = 0,

    /// <summary>政府部门: a department of a people's government.</summary>
    Department = 1,

    /// <summary>乡镇（街道）: a township, town or street office.</summary>
    Township = 2,
}

public static class OrganizationKinds
{
    public static string DisplayName(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.PeoplesGovernment => "人民政府",
        OrganizationKind.Department => "政府部门",
        OrganizationKind.Township => "乡镇（街道）",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Code(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.PeoplesGovernment => "government",
        OrganizationKind.Department => "department",
        OrganizationKind.Township => "township",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? code, out OrganizationKind kind)
    {
        foreach (var candidate in Enum.GetValues<OrganizationKind>())
        {
            if (candidate.Code() == code)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>A best guess from the official name, for documents that do not state the kind.</summary>
    public static OrganizationKind FromName(string name) =>
        TownshipSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal)) ? OrganizationKind.Township
        : name.EndsWith("人民政府", StringComparison.Ordinal) ? OrganizationKind.PeoplesGovernment
        : OrganizationKind.Department;

    private static readonly string[] TownshipSuffixes = ["镇人民政府", "乡人民政府", "街道办事处", "街道"];
}

/// <summary>A body that publishes reports (机关/单位), in a tree: province → city → district → township.</summary>
public class Organization
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 40;

    /// <summary>Separator of the materialized path, which makes subtree queries a prefix match.</summary>
    public const char PathSeparator = '/';

    private readonly List<Organization> _children = [];

    private Organization()
    {
        Name = string.Empty;
        Path = string.Empty;
    }

    public Organization(string name, string? code, OrganizationKind kind, Organization? parent = null)
    {
        Name = string.Empty;
        Rename(name);
        SetCode(code);
        Kind = kind;
        Parent = parent;
        Path = string.Empty;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>A stable code: the administrative division code or the 统一社会信用代码. Used in URLs.</summary>
    public string? Code { get; private set; }

    public OrganizationKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    public Organization? Parent { get; private set; }

    public IReadOnlyCollection<Organization> Children => _children.AsReadOnly();

    /// <summary>The ids from the root down to this organization: <c>/1/5/23/</c>. Set once the id is known.</summary>
    public string Path { get; private set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > NameMaxLength)
        {
            throw new ArgumentException($"Organization names are at most {NameMaxLength} characters.", nameof(name));
        }

        Name = name.Trim();
    }

    public void SetCode(string? code)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (code is { Length: > CodeMaxLength })
        {
            throw new ArgumentException($"Organization codes are at most {CodeMaxLength} characters.", nameof(code));
        }

        Code = code;
    }

    public void ChangeKind(OrganizationKind kind) => Kind = kind;

    /// <summary>Whether <paramref name="other"/> is this organization or stands below it.</summary>
    public bool Contains(Organization other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other) || (Path.Length > 0 && other.Path.StartsWith(Path, StringComparison.Ordinal));
    }

    /// <summary>
    /// Moves the organization under <paramref name="parent"/> (null: to the top) and recomputes its path.
    /// Returns the old path, so that the caller can rebase its descendants' paths (<see cref="RebasePath"/>).
    /// </summary>
    public string MoveTo(Organization? parent)
    {
        if (parent is not null && Contains(parent))
        {
            throw new InvalidOperationException("An organization cannot move under itself or one of its descendants.");
        }

        var oldPath = Path;
        Parent = parent;
        ParentId = parent?.Id;
        UpdatePath();
        return oldPath;
    }

    /// <summary>After an ancestor moved from <paramref name="oldPrefix"/> to <paramref name="newPrefix"/>: the path under the new one.</summary>
    public void RebasePath(string oldPrefix, string newPrefix)
    {
        if (!Path.StartsWith(oldPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The organization does not stand under the moved one.");
        }

        Path = newPrefix + Path[oldPrefix.Length..];
    }

    /// <summary>Recomputes <see cref="Path"/> from the parent's; call after the id is assigned.</summary>
    public void UpdatePath()
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("The path is known once the organization has an id.");
        }

        Path = (Parent?.Path is { Length: > 0 } parentPath ? parentPath : PathSeparator.ToString()) + Id + PathSeparator;
    }

    public static string PathOf(IEnumerable<int> idsFromRoot) =>
        PathSeparator + string.Join(PathSeparator, idsFromRoot) + PathSeparator;
}
