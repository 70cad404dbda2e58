using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary><c>publication.late</c>: published after the deadline, or still unpublished past it.</summary>
internal sealed class PublicationRules(DeadlinePolicy deadlines) : IFindingRules
{
    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var context = input.Context;
        var deadline = context.Deadline
            ?? (context.OrganizationKind is { } kind ? deadlines.DeadlineFor(kind, context.Report.Year) : null);
        if (deadline is not { } due)
        {
            yield break;
        }

        switch (Latenesses.Of(due, context.Report.PublishedOn, context.Today))
        {
            case Lateness.PublishedLate:
                yield return Report(Rules.PublicationLate, Date(due), Date(context.Report.PublishedOn!.Value),
                    $"报告于 {ChineseDates.Date(context.Report.PublishedOn.Value)} 发布，晚于规定期限 {ChineseDates.Date(due)}");
                break;
            case Lateness.OverdueUnpublished:
                yield return Report(Rules.PublicationLate, Date(due), null, $"报告尚未发布，已超过规定期限 {ChineseDates.Date(due)}");
                break;
        }
    }
}
