namespace GovInfoPortal.Web.Public;

/// <summary>One place of a ranking: its rank (shared by ties; null when its value is undefined) and its value.</summary>
public sealed record Ranked<T>(int? Rank, T Item, decimal? Value);

/// <summary>
/// Ranks items by a value, highest first: equal values share a rank and the next rank skips as many places
/// (1, 2, 2, 4), ties keep the order they came in (by name); items without a value come last, without a rank.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<Ranked<T>> Of<T>(IEnumerable<(T Item, decimal? Value)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var defined = list.Where(i => i.Value is not null).OrderByDescending(i => i.Value!.Value).ToList();
        var ranked = new List<Ranked<T>>(list.Count);
        for (var i = 0; i < defined.Count; i++)
        {
            var rank = i > 0 && defined[i].Value == defined[i - 1].Value ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new Ranked<T>(rank, defined[i].Item, defined[i].Value));
        }

        ranked.AddRange(list.Where(i => i.Value is null).Select(i => new Ranked<T>(null, i.Item, null)));
        return ranked;
    }
}
