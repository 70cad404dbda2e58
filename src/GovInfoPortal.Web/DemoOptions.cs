namespace GovInfoPortal.Web;

/// <summary>Demo mode: demo data in an empty database. Unset means on for the SQLite default only.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool? Enabled { get; set; }

    /// <summary>
    /// Whether the demo also holds the synthetic history (every demo body's reports of 2019–2024 beside the three real
    /// ones, marked 【演示数据】合成历史). On by default; off gives the three real reports alone.
    /// </summary>
    public bool History { get; set; } = true;
}
