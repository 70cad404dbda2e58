namespace GovInfoPortal.Web;

/// <summary>Demo mode: demo data in an empty database. Unset means on for the SQLite default only.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool? Enabled { get; set; }
}
