using GovInfoPortal.Cli.Input;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Cli.Validation;

/// <summary>
/// Validates a batch of files. A report's last year is taken from the same batch (same organization
/// identity, year − 1), so the cross-year and copied-narrative rules apply; the deadline follows the
/// organization's kind. Files carry no "today": only a stated <c>publishedOn</c> can be late. The other bodies'
/// documents of the same year are the peers of <c>narrative.copiedFromPeer</c> (<see cref="PeerBatch"/>).
/// </summary>
internal sealed class BatchValidator(ReportValidationService validation)
{
    public BatchValidator()
        : this(new ReportValidationService(DeadlinePolicy.Default))
    {
    }

    public IReadOnlyList<FileValidation> Validate(IReadOnlyList<InputFile> files)
    {
        var byOrganizationAndYear = new Dictionary<(string Identity, int Year), ReportDocument>();
        foreach (var document in files.Select(f => f.Document).OfType<ReportDocument>())
        {
            byOrganizationAndYear.TryAdd((document.Organization.Identity, document.Year), document);
        }

        var documents = files.Select(f => f.Document).OfType<ReportDocument>().ToArray();
        var peers = PeerBatch.Compare([.. documents.Select(d => new PeerDocument(d.Organization.Identity, d.Organization.Name, d.Year, d.Sections))]);
        var peersOf = new Dictionary<ReportDocument, PeerComparison>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Length; i++)
        {
            peersOf[documents[i]] = peers[i];
        }

        return files.Select(file => file.Document is { } document
                ? new FileValidation(file.Path,
                    Validate(document, byOrganizationAndYear.GetValueOrDefault((document.Organization.Identity, document.Year - 1)), peersOf[document]), [])
                : new FileValidation(file.Path, null, file.Errors))
            .ToArray();
    }

    private ValidationReport Validate(ReportDocument document, ReportDocument? lastYear, PeerComparison peers) =>
        validation.Validate(new ReportValidationContext(document, lastYear, OrganizationKind: document.Organization.EffectiveKind,
            OrganizationName: document.Organization.Name, OrganizationCode: document.Organization.Code, Peers: peers));
}
