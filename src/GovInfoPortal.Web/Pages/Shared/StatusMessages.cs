using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>
/// The one-time messages a redirect carries to the next page (<c>_StatusMessage</c>): a confirmation in the
/// status box, or a refusal in an error box with a link back.
/// </summary>
public static class StatusMessages
{
    public const string Status = "Status";
    public const string Refusal = "Refusal";
    public const string RefusalBack = "RefusalBack";
    public const string RefusalBackText = "RefusalBackText";

    public static void Refuse(this ITempDataDictionary tempData, string message, string back, string backText)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Refusal] = message;
        tempData[RefusalBack] = back;
        tempData[RefusalBackText] = backText;
    }
}
