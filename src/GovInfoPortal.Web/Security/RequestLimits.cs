using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// The request body limits of the state-changing endpoints, each sized to what it carries and derived from
/// <see cref="InputLimits"/>. A form field of n characters posts at most 9n bytes (a CJK character is three UTF-8
/// bytes, each written %XX); every form adds the antiforgery token and its hidden fields.
/// </summary>
public static class RequestLimits
{
    /// <summary>The bytes one character of a form field can take, percent-encoded (a CJK character: %XX%XX%XX).</summary>
    public const int BytesPerCharacter = 9;

    /// <summary>Room for the antiforgery token, hidden fields, field names and choices of any form.</summary>
    public const int FormOverhead = 16 * 1024;

    /// <summary>Sign-in, sign-out, password change, approve, publish, start a report, mark notifications read, ask for an export.</summary>
    public const long ShortForm = FormOverhead + (InputLimits.UserNameMaxLength + 3 * InputLimits.PasswordMaxLength) * BytesPerCharacter;

    /// <summary>A review step with text (a comment, a return with its reason, a correction's reason) and the admin forms.</summary>
    public const long TextForm = FormOverhead + (InputLimits.CommentMaxLength + InputLimits.ReasonMaxLength) * BytesPerCharacter;

    /// <summary>
    /// An editor save or submission of a full report: the narrative parts at their longest, every cell and
    /// warning explanation (a few thousand fields of short values) and 签发人.
    /// </summary>
    public const long EditorForm = FormOverhead + (long)InputLimits.NarrativeParts * InputLimits.NarrativeMaxLength * BytesPerCharacter + 1024 * 1024;

    /// <summary>A govinfo-annual-report/1 document as JSON (the validate API): the reader's own limit.</summary>
    public const long Document = ReportDocumentReader.MaxDocumentBytes;

    /// <summary>A file sent to be verified (the verify API): a JSON document or a PDF download, at most the largest PDF the portal takes.</summary>
    public const long Verification = Documents.Verification.DownloadVerifier.MaxBytes;

    /// <summary>A document uploaded as a file (the editor's import): the document plus the multipart framing and form.</summary>
    public const long DocumentUpload = ReportDocumentReader.MaxDocumentBytes + FormOverhead;
}
