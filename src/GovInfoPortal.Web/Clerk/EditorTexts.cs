namespace GovInfoPortal.Web.Clerk;

/// <summary>
/// The editor's words about its findings, written once: the page renders them and the JSON answers of the
/// check and save carry them, so that the script shows the same words without spelling them out again.
/// </summary>
public static class EditorTexts
{
    public const string NoProblems = "未发现问题";

    /// <summary>The findings panel's summary: 未填 186 格。2 个错误，1 个警告。错误须改正后才能提交；每个警告须填写说明。</summary>
    public static string Summary(DraftFindings shown, string toFill)
    {
        var left = toFill.Length > 0 ? toFill + "。" : string.Empty;
        return shown.Items.Count == 0
            ? left.Length > 0 ? left + "其余未发现问题。" : NoProblems + "。"
            : $"{left}{shown.Errors} 个错误，{shown.Warnings} 个警告。错误须改正后才能提交；每个警告须填写说明。";
    }

    /// <summary>The count in the sticky save bar, beside what is left to fill.</summary>
    public static string Count(DraftFindings shown, string toFill) =>
        shown.Items.Count > 0 ? $"{shown.Errors} 个错误，{shown.Warnings} 个警告"
        : toFill.Length > 0 ? "其余" + NoProblems
        : NoProblems;
}
