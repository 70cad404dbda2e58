using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// The HTML a body's own 政府信息公开专栏 can carry to list its published reports: a plain <c>&lt;ul&gt;</c> of links to
/// the reports' canonical addresses with the year, the current version, its publication date and the short form of its
/// fingerprint (the whole one in the <c>title</c>). No script, no frame, no style: it takes the 专栏's own look.
/// </summary>
public static class ReportSnippet
{
    public static string Html(string origin, IReadOnlyList<ReportListItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var html = HtmlEncoder.Default;
        var snippet = new StringBuilder("<ul class=\"govinfo-reports\">\n");
        foreach (var item in items)
        {
            var published = item.PublishedOn is { } on ? $"{ChineseDates.Date(on)}发布" : "发布日期不详";
            var fingerprint = item.Fingerprint is { } value
                ? $"，内容指纹 <abbr title=\"SHA-256 {html.Encode(value)}\">{html.Encode(ReportFingerprint.Short(value))}</abbr>"
                : string.Empty;
            snippet.Append(CultureInfo.InvariantCulture,
                $"  <li><a href=\"{html.Encode(origin + item.Url)}\">{html.Encode(item.Title)}</a>（{item.Year} 年度，第 {item.Version} 版，{published}{fingerprint}）</li>\n");
        }

        if (items.Count == 0)
        {
            snippet.Append("  <li>尚无已发布的年度报告。</li>\n");
        }

        return snippet.Append("</ul>\n").ToString();
    }
}
