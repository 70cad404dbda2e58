namespace GovInfoPortal.Web;

/// <summary><c>dotnet GovInfoPortal.Web.dll --health-check URL</c>: exit 0 when the URL answers 2xx within five seconds.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
