using GovInfoPortal.Web.Admin;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Admin.Users;

[RequestSizeLimit(RequestLimits.TextForm)]
public sealed class CreateModel(UserAdministration users, OrganizationAdministration organizations) : PageModel
{
    [BindProperty]
    public NewUserForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Form.ResolveOrganizationAsync(organizations, ModelState, nameof(Form), cancellationToken);
        if (ModelState.IsValid)
        {
            var result = await users.CreateAsync(new NewUser(Form.UserName!, Form.DisplayName!, Form.Role, Form.OrganizationId, Form.Password!), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"已新建用户“{Form.UserName!.Trim()}”。";
                return RedirectToPage("/Admin/Users/Index");
            }

            ModelState.AddErrors(result, nameof(Form));
        }

        return Page();
    }
}
