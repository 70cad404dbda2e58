namespace GovInfoPortal.Web.Security;

/// <summary>One rate limit: so many requests per client address in a fixed window.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The <c>Security</c> section: request size and rate limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The largest request body accepted (an archived PDF is the largest thing anyone sends).</summary>
    public long MaxRequestBodyBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Sign-in attempts (POST of the sign-in page) per client address.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Searches (the search page, the API list with a keyword) per client address.</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Document checks (<c>POST /api/v1/validate</c>) per client address.</summary>
    public RateLimitRule Validate { get; set; } = new() { PermitLimit = 30 };
}

/// <summary>Which proxies may tell the portal the client's address and scheme (<c>ForwardedHeaders</c> section).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
