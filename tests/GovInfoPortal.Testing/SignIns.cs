using System.Net;
using Microsoft.Playwright;

namespace GovInfoPortal.Testing;

/// <summary>Signing in through the portal's login form, over HTTP or in the test browser.</summary>
public static class SignIns
{
    public const string LoginPath = "/account/login";

    /// <summary>The fields of the login form.</summary>
    public static KeyValuePair<string, string>[] Fields(string userName, string password) =>
        [new("Input.UserName", userName), new("Input.Password", password)];

    /// <summary>Posts the login form (with the token of the login page) and returns the portal's answer.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        FormPosts.PostFormAsync(client, LoginPath, LoginPath, Fields(userName, password));

    /// <summary>Signs in and fails unless the portal answers with the redirect of a successful sign-in.</summary>
    public static async Task SignedInAsync(HttpClient client, string userName, string password)
    {
        using var response = await SignInAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>
    /// Fills the login form of <paramref name="site"/> (no trailing slash) in the browser and waits until the
    /// portal has let the user in; <paramref name="returnUrl"/> is where the form sends afterwards.
    /// </summary>
    public static async Task SignInAsync(IPage page, string site, string userName, string password, string? returnUrl = null)
    {
        await page.GotoAsync(site + LoginPath + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains(LoginPath, StringComparison.Ordinal));
    }
}
