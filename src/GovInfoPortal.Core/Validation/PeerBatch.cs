using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>A document of a batch as the peer check sees it: who wrote it (to skip its own body), its name, year and parts.</summary>
public sealed record PeerDocument(string Identity, string OrganizationName, int Year, ReportSections Sections);

/// <summary>
/// The peers within one batch (the command line's files): the same signatures and bands as the database's index, held
/// in memory, so that a batch of thousands of documents is not compared pair by pair. The boilerplate is counted
/// over the batch's documents of each year (it only counts from <see cref="PeerBoilerplate.MinReports"/> documents
/// on) besides the built-in phrases.
/// </summary>
public static class PeerBatch
{
    /// <summary>Candidates verified per document: those sharing the most bands.</summary>
    public const int MaxCandidates = 20;

    /// <summary>For each document (same order), what <c>narrative.copiedFromPeer</c> compares it with.</summary>
    public static IReadOnlyList<PeerComparison> Compare(IReadOnlyList<PeerDocument> documents)
    {
        var comparisons = new PeerComparison[documents.Count];
        foreach (var year in Enumerable.Range(0, documents.Count).GroupBy(i => documents[i].Year))
        {
            var members = year.ToArray();
            var boilerplate = PeerBoilerplate.FromReports([.. members.Select(i => documents[i].Sections)]);
            var buckets = new Dictionary<PeerBand, List<int>>();
            var bandsOf = new Dictionary<int, IReadOnlyList<PeerBand>>();
            foreach (var i in members)
            {
                var bands = PeerSignatures.Of(documents[i].Sections, boilerplate);
                bandsOf[i] = bands;
                foreach (var band in bands)
                {
                    if (!buckets.TryGetValue(band, out var list))
                    {
                        buckets[band] = list = [];
                    }

                    list.Add(i);
                }
            }

            foreach (var i in members)
            {
                var hits = new Dictionary<int, int>();
                foreach (var band in bandsOf[i])
                {
                    foreach (var j in buckets[band])
                    {
                        if (j != i && documents[j].Identity != documents[i].Identity)
                        {
                            hits[j] = hits.GetValueOrDefault(j) + 1;
                        }
                    }
                }

                var candidates = hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(MaxCandidates)
                    .Select(h => new PeerReport(documents[h.Key].OrganizationName, documents[h.Key].Year, documents[h.Key].Sections));
                comparisons[i] = PeerComparison.Of(candidates, boilerplate);
            }
        }

        return comparisons;
    }
}
