using GovInfoPortal.Web.Admin;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Admin.Organizations;

[RequestSizeLimit(RequestLimits.TextForm)]
public sealed class EditModel(OrganizationAdministration organizations) : PageModel
{
    public OrganizationNode Organization { get; private set; } = null!;

    public IReadOnlyList<OrganizationNode> Tree { get; private set; } = [];

    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = new OrganizationForm { Name = Organization.Name, Code = Organization.Code, Kind = Organization.Kind, ParentId = Organization.ParentId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await organizations.UpdateAsync(id, Form.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"已保存机关“{Form.Name!.Trim()}”。";
                return RedirectToPage("/Admin/Organizations/Index");
            }

            ModelState.AddErrors(result, nameof(Form));
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Tree = await organizations.TreeAsync(cancellationToken);
        Organization = Tree.FirstOrDefault(node => node.Id == id)!;
        return Organization is not null;
    }
}
