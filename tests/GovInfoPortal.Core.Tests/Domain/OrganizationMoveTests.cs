using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Tests.Domain;

public class OrganizationMoveTests
{
    /// <summary>An organization as stored: with its id and materialized path.</summary>
    private static Organization Stored(int id, string name, Organization? parent = null)
    {
        var organization = new Organization(name, null, OrganizationKind.Township, parent);
        typeof(Organization).GetProperty(nameof(Organization.Id))!.SetValue(organization, id);
        organization.UpdatePath();
        return organization;
    }

    [Fact]
    public void Moving_recomputes_the_path_and_descendants_are_rebased()
    {
        var city = Stored(1, "泉州市");
        var county = Stored(2, "晋江市", city);
        var other = Stored(5, "石狮市", city);
        var street = Stored(3, "西园街道", county);

        var oldPath = county.MoveTo(other);
        street.RebasePath(oldPath, county.Path);

        Assert.Equal("/1/2/", oldPath);
        Assert.Equal("/1/5/2/", county.Path);
        Assert.Equal(5, county.ParentId);
        Assert.Equal("/1/5/2/3/", street.Path);
        Assert.True(other.Contains(street));
    }

    [Fact]
    public void Moving_to_the_top_makes_a_root()
    {
        var city = Stored(1, "泉州市");
        var county = Stored(2, "晋江市", city);

        county.MoveTo(null);

        Assert.Null(county.ParentId);
        Assert.Equal("/2/", county.Path);
    }

    [Fact]
    public void An_organization_cannot_move_under_itself_or_its_descendants()
    {
        var city = Stored(1, "泉州市");
        var county = Stored(2, "晋江市", city);
        var street = Stored(3, "西园街道", county);

        Assert.Throws<InvalidOperationException>(() => county.MoveTo(county));
        Assert.Throws<InvalidOperationException>(() => county.MoveTo(street));
        Assert.Throws<InvalidOperationException>(() => street.RebasePath("/9/", "/1/"));
        Assert.Equal("/1/2/", county.Path);
    }
}
