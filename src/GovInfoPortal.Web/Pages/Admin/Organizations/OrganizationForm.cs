using System.ComponentModel.DataAnnotations;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Admin;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovInfoPortal.Web.Pages.Admin.Organizations;

/// <summary>The fields of an organization as the admin pages post them.</summary>
public sealed class OrganizationForm
{
    [Display(Name = "机关名称")]
    public string? Name { get; set; }

    [Display(Name = "机关代码")]
    public string? Code { get; set; }

    [Display(Name = "机关类型")]
    public OrganizationKind Kind { get; set; } = OrganizationKind.Township;

    [Display(Name = "上级机关")]
    public int? ParentId { get; set; }

    public OrganizationInput ToInput() => new(Name, Code, Kind, ParentId);

    public static IReadOnlyList<SelectListItem> KindChoices { get; } =
        [.. Enum.GetValues<OrganizationKind>().Select(kind => new SelectListItem(kind.DisplayName(), kind.ToString()))];

    /// <summary>The organizations a parent may be chosen from (indented by depth), leaving out <paramref name="excludedPath"/>'s subtree.</summary>
    public static IReadOnlyList<SelectListItem> ParentChoices(IEnumerable<OrganizationNode> tree, string? excludedPath = null) =>
    [
        new SelectListItem("（无上级，作为顶级机关）", string.Empty),
        .. tree.Where(node => excludedPath is null || !node.Path.StartsWith(excludedPath, StringComparison.Ordinal))
            .Select(node => new SelectListItem(node.IndentedName, node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];
}
