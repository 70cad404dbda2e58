using GovInfoPortal.Web.Archive;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Admin.Archive;

/// <summary>
/// Upload (or replace) the original PDF of one legacy archive report. The request is limited to the file's
/// limit plus the form's fields before anything is read, and the file is checked by its content.
/// </summary>
[RequestSizeLimit(ArchivePdf.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ArchivePdf.MaxRequestBytes)]
public sealed class UploadModel(ArchiveDocuments archive) : PageModel
{
    public ArchiveEntry Entry { get; private set; } = null!;

    [BindProperty]
    public IFormFile? Document { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await archive.FindAsync(id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await archive.FindAsync(id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        if (Document is null)
        {
            ModelState.AddModelError(nameof(Document), "请选择要上传的 PDF 文件。");
            return Page();
        }

        if (Document.Length > ArchivePdf.MaxBytes)
        {
            ModelState.AddModelError(nameof(Document), $"文件大小为 {ArchivePdf.SizeText(Document.Length)}，超过了 {ArchivePdf.MaxSizeText} 的上限。");
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)Document.Length))
        {
            await Document.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var result = await archive.UploadAsync(id, Document.FileName, content, User.Identity?.Name ?? string.Empty, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
            }

            return Page();
        }

        TempData["Status"] = $"已上传 {entry.OrganizationName} {entry.Year} 年存档报告的原件。";
        return RedirectToPage("/Admin/Archive/Index");
    }
}
