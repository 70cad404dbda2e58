using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Web.Exports;

/// <summary>The names of a ZIP's report entries, unique within the ZIP.</summary>
internal sealed class ZipEntryNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The download's name; bodies of the same short name (two 城关镇) get their code or full name added.</summary>
    public string Unique(string fileName, Organization organization)
    {
        if (_taken.Add(fileName))
        {
            return fileName;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        var name = $"{stem}（{organization.Code ?? organization.Name}）{extension}";
        for (var n = 2; !_taken.Add(name); n++)
        {
            name = $"{stem}（{organization.Code ?? organization.Name}，{n}）{extension}";
        }

        return name;
    }
}
