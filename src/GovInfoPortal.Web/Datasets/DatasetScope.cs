using System.Globalization;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Public;

namespace GovInfoPortal.Web.Datasets;

/// <summary>
/// What a dataset holds: the published reports of <see cref="Year"/> of the subtree of <see cref="Root"/> (the
/// organization and every body under it), or of every organization when it is null.
/// </summary>
public sealed record DatasetScope(PublicOrganization? Root, int Year)
{
    /// <summary>The organization key as the addresses and the change log name it (<see cref="ContentTags.Root"/>: everything).</summary>
    public string Key => Root?.Key ?? ContentTags.Root;

    /// <summary>What a change must name for the dataset to change (<see cref="PublicPageTags.OfDataset"/>).</summary>
    public IReadOnlyList<string> Tags => PublicPageTags.OfDataset(Key, Year);

    /// <summary>Who the dataset is of, as the pages name it.</summary>
    public string Name => Root?.Name ?? "全部机关";

    /// <summary>The address of the ZIP (<c>zip</c>) or of the CSV alone (<c>csv</c>).</summary>
    public string Url(string extension) =>
        ReportLinks.WithQuery($"{DatasetEndpoints.Prefix}/{Year.ToString(CultureInfo.InvariantCulture)}.{extension}", ("org", Root?.Key));

    /// <summary>The page listing the datasets of this scope.</summary>
    public string PageUrl => ReportLinks.WithQuery(DatasetEndpoints.Prefix, ("org", Root?.Key), ("year", Year));

    /// <summary>The download's name: 晋江市2023年度政府信息公开工作年度报告数据.zip.</summary>
    public string FileName(string extension) =>
        $"{Name}{Year.ToString(CultureInfo.InvariantCulture)}年度政府信息公开工作年度报告数据.{extension}";

    /// <summary>The download's ASCII name, for clients that ignore <c>filename*</c>.</summary>
    public string AsciiFileName(string extension) =>
        $"govinfo-datasets-{ReportDownloads.AsciiKey(Root?.Key ?? "all")}-{Year.ToString(CultureInfo.InvariantCulture)}.{extension}";
}
