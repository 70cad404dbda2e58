namespace GovInfoPortal.Web;

/// <summary>Words the whole portal shows.</summary>
public static class Portal
{
    public const string Name = "政府信息公开工作年度报告平台";
    public const string Description = "各级行政机关政府信息公开工作年度报告的填报、审核、发布与查阅平台";
}
