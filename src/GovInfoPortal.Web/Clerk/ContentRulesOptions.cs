using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Web.Clerk;

/// <summary>
/// The content rules' settings per subtree (<c>ContentRules:Subtrees</c>): each entry names an organization by
/// its code and changes, for it and every body under it, the keywords and thresholds it states
/// (<see cref="ContentRuleOverrides"/>). Entries of nested subtrees apply from the top down, so the nearest wins.
/// </summary>
public sealed class ContentRulesOptions
{
    public const string Section = "ContentRules";

    public List<SubtreeContentRules> Subtrees { get; set; } = [];
}

/// <summary>One subtree's changes to the content rules' settings.</summary>
public sealed class SubtreeContentRules : ContentRuleOverrides
{
    /// <summary>The code of the organization at the top of the subtree.</summary>
    public string Organization { get; set; } = string.Empty;
}
