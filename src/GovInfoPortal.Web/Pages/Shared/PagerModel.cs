namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>What <c>_Pager.cshtml</c> shows: the current page of several, and the link of any page.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> Link);
