using System.Net;
using System.Text.RegularExpressions;

namespace GovInfoPortal.Testing;

/// <summary>
/// Posting the portal's forms as a browser does: the antiforgery token read from a page's form, then sent
/// back with the fields.
/// </summary>
public static partial class FormPosts
{
    /// <summary>The name of the hidden antiforgery field of every form.</summary>
    public const string TokenField = "__RequestVerificationToken";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>, HTML-decoded.</summary>
    public static string TokenOf(string html) => TokenOf(html, "the page");

    private static string TokenOf(string html, string page) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}.");

    /// <summary>The antiforgery token of the form on <paramref name="page"/>, read with <paramref name="client"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.RelativeOrAbsolute));
        return TokenOf(html, page);
    }

    /// <summary>The fields of a form post followed by the antiforgery token.</summary>
    public static FormUrlEncodedContent Form(IEnumerable<KeyValuePair<string, string>> fields, string token) =>
        new([.. fields, new(TokenField, token)]);

    /// <summary>A multipart form with the antiforgery token and these text fields; the caller adds the files.</summary>
    public static MultipartFormDataContent Multipart(string token, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(token), TokenField);
        return content;
    }

    /// <summary>
    /// Reads the token from <paramref name="tokenPage"/> and posts the fields with it to <paramref name="path"/>;
    /// <paramref name="fetch"/> asks for JSON as the page's scripts do.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string path,
        IEnumerable<KeyValuePair<string, string>> fields, bool fetch = false)
    {
        var token = await TokenAsync(client, tokenPage);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.RelativeOrAbsolute)) { Content = Form(fields, token) };
        if (fetch)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts the fields to the page they were read from.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        PostFormAsync(client, path, path, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
