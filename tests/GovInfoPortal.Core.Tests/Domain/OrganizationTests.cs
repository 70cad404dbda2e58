using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Tests.Domain;

public class OrganizationTests
{
    [Theory]
    [InlineData("泉州市泉港区人民政府", OrganizationKind.PeoplesGovernment)]
    [InlineData("晋江市西园街道办事处", OrganizationKind.Township)]
    [InlineData("晋江市青阳街道", OrganizationKind.Township)]
    [InlineData("泉州市泉港区发展和改革局", OrganizationKind.Department)]
    public void Kind_is_guessed_from_the_official_name(string name, OrganizationKind kind)
    {
        Assert.Equal(kind, OrganizationKinds.FromName(name));
    }

    [Theory]
    [InlineData("晋江市安海镇人民政府")]
    [InlineData("某县某某乡人民政府")]
    public void Town_and_township_governments_are_guessed_as_townships(string name)
    {
        Assert.Equal(OrganizationKind.Township, OrganizationKinds.FromName(name));
    }

    [Theory]
    [InlineData(OrganizationKind.PeoplesGovernment, "government", "人民政府")]
    [InlineData(OrganizationKind.Department, "department", "政府部门")]
    [InlineData(OrganizationKind.Township, "township", "乡镇（街道）")]
    public void Kind_codes_parse_back(OrganizationKind kind, string code, string displayName)
    {
        Assert.Equal(code, kind.Code());
        Assert.Equal(displayName, kind.DisplayName());
        Assert.True(OrganizationKinds.TryParse(code, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(OrganizationKinds.TryParse("Township", out _));
    }

    [Fact]
    public void Name_and_code_are_trimmed_and_bounded()
    {
        var organization = new Organization(" 晋江市西园街道办事处 ", "  ", OrganizationKind.Township);

        Assert.Equal("晋江市西园街道办事处", organization.Name);
        Assert.Null(organization.Code);
        Assert.ThrowsAny<ArgumentException>(() => organization.Rename(""));
        Assert.ThrowsAny<ArgumentException>(() => organization.Rename(new string('街', Organization.NameMaxLength + 1)));
        Assert.ThrowsAny<ArgumentException>(() => organization.SetCode(new string('1', Organization.CodeMaxLength + 1)));
        Assert.Equal("晋江市西园街道办事处", organization.Name);
    }

    [Fact]
    public void Path_is_known_once_the_id_is()
    {
        Assert.Throws<InvalidOperationException>(() => new Organization("晋江市", null, OrganizationKind.PeoplesGovernment).UpdatePath());
        Assert.Equal("/1/5/23/", Organization.PathOf([1, 5, 23]));
    }
}
