using GovInfoPortal.Core.Validation;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Clerk;

/// <summary>
/// The assessment checklists per subtree (<c>SelfCheck:Subtrees</c>): each entry names an organization by its code
/// and a checklist file (JSON, the shape of <c>assessment-checklist.default.json</c>; a relative path is read from
/// the portal's content root) that scores its reports and every report under it; the nearest subtree wins. Reports
/// outside every configured subtree are scored by the shipped default.
/// </summary>
public sealed class SelfCheckOptions
{
    public const string Section = "SelfCheck";

    public List<SubtreeChecklist> Subtrees { get; set; } = [];
}

/// <summary>One subtree's checklist.</summary>
public sealed class SubtreeChecklist
{
    /// <summary>The code of the organization at the top of the subtree.</summary>
    public string Organization { get; set; } = string.Empty;

    /// <summary>The checklist file.</summary>
    public string Checklist { get; set; } = string.Empty;
}

/// <summary>
/// The configured checklists, read once when the portal starts: a file that is missing or cannot be used stops the
/// start with a zh-CN reason naming the file, rather than scoring reports by a checklist nobody meant.
/// </summary>
public sealed class SelfCheckChecklists
{
    public SelfCheckChecklists(IOptions<SelfCheckOptions> options, IHostEnvironment environment)
    {
        BySubtree = [.. options.Value.Subtrees.Select(subtree =>
        {
            if (string.IsNullOrWhiteSpace(subtree.Organization) || string.IsNullOrWhiteSpace(subtree.Checklist))
            {
                throw new InvalidOperationException($"{SelfCheckOptions.Section}:Subtrees 的每一项须写明 organization（机构代码）和 checklist（评分表文件）。");
            }

            var path = Path.IsPathRooted(subtree.Checklist) ? subtree.Checklist : Path.Combine(environment.ContentRootPath, subtree.Checklist);
            return (subtree.Organization, AssessmentChecklist.LoadFile(path));
        })];
    }

    /// <summary>The organization codes with a checklist of their own, in configuration order.</summary>
    public IReadOnlyList<(string Organization, AssessmentChecklist Checklist)> BySubtree { get; }
}

public static class SelfCheckSetup
{
    /// <summary>Reads the configured checklists before the portal serves anything; one that cannot be read stops the start with its reason.</summary>
    public static void LoadChecklists(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<SelfCheckChecklists>();
        }
        catch (Exception exception) when (exception is InvalidDataException or FileNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The container does not wrap a constructor's exception: its message is the zh-CN reason.
            app.Logger.LogCritical("The assessment checklists ({Section}) cannot be read: {Reason}", SelfCheckOptions.Section, exception.Message);
            throw new Accounts.StartupRefusedException(exception.Message);
        }
    }
}
