using GovInfoPortal.Web.Admin;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Admin.Organizations;

[RequestSizeLimit(RequestLimits.TextForm)]
public sealed class IndexModel(OrganizationAdministration organizations) : PageModel
{
    public IReadOnlyList<OrganizationNode> Tree { get; private set; } = [];

    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tree = await organizations.TreeAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await organizations.CreateAsync(Form.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"已新建机关“{Form.Name!.Trim()}”。";
                return RedirectToPage();
            }

            ModelState.AddErrors(result, nameof(Form));
        }

        Tree = await organizations.TreeAsync(cancellationToken);
        return Page();
    }
}
