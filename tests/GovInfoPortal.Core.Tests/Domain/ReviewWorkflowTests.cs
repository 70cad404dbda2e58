using System.Reflection;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Domain;

/// <summary>
/// The review steps on the aggregate (DESIGN §2): return with a comment, approve, publish with the secrecy review,
/// comments per part, and corrections of a published report through their own working copy and revisions.
/// </summary>
public class ReviewWorkflowTests
{
    private static readonly DateTime Now = new(2024, 2, 5, 8, 0, 0, DateTimeKind.Utc); // after the publication dates the tests use: a report cannot be published on a later day
    private static readonly DateOnly PublishedOn = new(2024, 1, 20);
    private static readonly Actor Reviewer = new("reviewer-1", "晋江市审核员");

    private static AnnualReport Submitted()
    {
        var report = AnnualReport.Start(new Organization("晋江市西园街道办事处", "350582003", OrganizationKind.Township), 2023, Now);
        report.UpdateDraft(new ReportSections("（示例）总体情况。", "（示例）问题。", "（示例）其他。"), ReportTable.Empty,
            ReportTable.Empty.With("newlyReceived", "total", 3m), ReportTable.Empty, "张三", WarningExplanations.None, Now);
        report.SubmitWithoutChecks(Now);
        return report;
    }

    private static AnnualReport Published()
    {
        var report = Submitted();
        report.Approve(Now);
        report.Publish(PublishedOn, secrecyReviewConfirmed: true, Reviewer, Now);
        report.TakeEvents();
        return report;
    }

    private static void Refused(Action step, string message) =>
        Assert.Equal(message, Assert.Throws<ReportWorkflowException>(step).Message);

    [Fact]
    public void Return_needs_a_comment_and_keeps_it_on_the_part()
    {
        var report = Submitted();

        Refused(() => report.Return(ReportParts.Applications, "  ", Reviewer, Now), "退回时请填写审核意见，说明需要修改的地方。");
        Assert.Equal(ReportStatus.Submitted, report.Status);

        var comment = report.Return(ReportParts.Applications, " 表三（七）总计与分项不符，请核对。 ", Reviewer, Now);

        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.True(report.IsEditable);
        Assert.Same(comment, Assert.Single(report.Comments));
        Assert.Equal(ReportParts.Applications, comment.Part);
        Assert.Equal("表三（七）总计与分项不符，请核对。", comment.Text);
        Assert.True(comment.WithReturn);
        Assert.Equal("reviewer-1", comment.AuthorId);
        Assert.Equal("晋江市审核员", comment.AuthorName);
        Assert.Null(comment.Correction);
        var returned = Assert.Single(report.PendingEvents, e => e.Action == ReportActions.Returned);
        Assert.Equal("退回报告（三、收到和处理政府信息公开申请情况）：表三（七）总计与分项不符，请核对。", returned.Description);
    }

    [Fact]
    public void Return_refuses_an_unknown_part()
    {
        Refused(() => Submitted().Return("appendix", "请修改。", Reviewer, Now), "请选择意见针对的报告部分。");
    }

    [Fact]
    public void Comments_without_a_return_leave_the_status()
    {
        var report = Submitted();

        var comment = report.Comment(ReportParts.Overview, "总体情况可再具体一些。", Reviewer, Now);

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.False(comment.WithReturn);
        Assert.Contains(report.PendingEvents, e => e.Action == ReportActions.Commented && e.Description == "审核意见（一、总体情况）：总体情况可再具体一些。");
        Refused(() => report.Comment(ReportParts.Overview, "", Reviewer, Now), "请填写意见内容。");
        Refused(() => report.Comment(ReportParts.Overview, new string('意', ReviewComment.TextMaxLength + 1), Reviewer, Now),
            $"意见最多 {ReviewComment.TextMaxLength} 个字，现有 {ReviewComment.TextMaxLength + 1} 个字。");
    }

    [Fact]
    public void Publish_refuses_a_date_in_the_future_in_China_or_before_the_year_has_ended()
    {
        var report = Submitted();
        report.Approve(Now);
        var chinaToday = new DateOnly(2024, 2, 5); // Now is 08:00 UTC, 16:00 in China

        Refused(() => report.Publish(chinaToday.AddDays(1), secrecyReviewConfirmed: true, Reviewer, Now), "发布日期不能晚于今天（2024年2月5日）。");
        Refused(() => report.Publish(new DateOnly(report.Year, 12, 31), secrecyReviewConfirmed: true, Reviewer, Now),
            $"{report.Year} 年度报告的发布日期不能早于 {report.Year + 1} 年 1 月 1 日。");
        Assert.Equal(ReportStatus.Approved, report.Status);

        // 23:30 UTC on February 4 is already February 5 in China.
        report.Publish(chinaToday, secrecyReviewConfirmed: true, Reviewer, new DateTime(2024, 2, 4, 23, 30, 0, DateTimeKind.Utc));
        Assert.Equal(chinaToday, report.PublishedOn);
    }

    [Fact]
    public void Publish_needs_the_secrecy_review_and_records_it()
    {
        var report = Submitted();
        report.Approve(Now);

        Refused(() => report.Publish(PublishedOn, secrecyReviewConfirmed: false, Reviewer, Now), "发布前须确认已完成保密审查（先审查、后公开）。");
        Assert.Equal(ReportStatus.Approved, report.Status);
        Assert.Null(report.PublishedOn);

        report.Publish(PublishedOn, secrecyReviewConfirmed: true, Reviewer, Now);

        Assert.Equal(ReportStatus.Published, report.Status);
        Assert.Equal(PublishedOn, report.PublishedOn);
        Assert.Equal("晋江市审核员", report.SecrecyReviewedBy);
        Assert.Equal(Now, report.SecrecyReviewedAt);
        Assert.Equal(1, report.RevisionNumber);
        Assert.Equal(
            [ReportActions.Started, ReportActions.Submitted, ReportActions.Approved, ReportActions.Published],
            report.PendingEvents.Select(e => e.Action));
    }

    [Fact]
    public void Publishing_a_draft_is_refused_before_the_secrecy_question()
    {
        var draft = AnnualReport.Start(new Organization("某街道办事处", null, OrganizationKind.Township), 2023, Now);

        Refused(() => draft.Publish(PublishedOn, secrecyReviewConfirmed: false, Reviewer, Now), "报告当前状态为“草稿”，不能发布。");
    }

    [Fact]
    public void A_correction_is_opened_only_on_a_published_report_with_a_reason()
    {
        Refused(() => Submitted().OpenCorrection("数据有误", Reviewer, Now), "报告当前状态为“已提交”，尚未发布，不需要更正：发布前的修改请通过退回进行。");
        var report = Published();
        Refused(() => report.OpenCorrection(" ", Reviewer, Now), "请填写更正原因，发布后将在报告页面上公开。");
        Refused(() => report.OpenCorrection(new string('因', ReportCorrection.ReasonMaxLength + 1), Reviewer, Now),
            $"更正原因最多 {ReportCorrection.ReasonMaxLength} 个字，现有 {ReportCorrection.ReasonMaxLength + 1} 个字。");
        Assert.Empty(report.Corrections);

        var correction = report.OpenCorrection(" 表三申请数量填报有误 ", Reviewer, Now);

        Assert.Equal("表三申请数量填报有误", correction.Reason);
        Assert.Equal(1, correction.Number);
        Assert.Equal(2, correction.RevisionNumber);
        Assert.Equal(ReportStatus.Draft, correction.Status);
        Assert.Same(correction, report.CurrentCorrection);
        Assert.Same(correction, report.UnderReview);
        Refused(() => report.OpenCorrection("再次更正", Reviewer, Now), "该报告的第 1 次更正尚未完成（草稿），请完成后再发起新的更正。");
    }

    [Fact]
    public void A_correction_starts_as_a_copy_of_the_published_content()
    {
        var report = Published();

        var correction = report.OpenCorrection("数据有误", Reviewer, Now);

        Assert.True(correction.IsCorrection);
        Assert.Equal(report.Year, correction.Year);
        Assert.Equal(report.Format, correction.Format);
        Assert.Equal(report.Sections, correction.Sections);
        Assert.Equal(report.Applications, correction.Applications);
        Assert.Equal(report.SignedBy, correction.SignedBy);
        Assert.Null(correction.PublishedOn);
        Assert.True(correction.IsEditable);
    }

    [Fact]
    public void A_correction_goes_through_review_while_the_published_content_stays()
    {
        var report = Published();
        var published = report.Applications;
        var correction = report.OpenCorrection("表三申请数量填报有误", Reviewer, Now);

        correction.UpdateTable(TableCodes.Applications, published.With("newlyReceived", "total", 4m), Now);
        correction.SubmitWithoutChecks(Now);
        var comment = report.Return(ReportParts.Applications, "请同时核对（七）总计。", Reviewer, Now);
        correction.UpdateTable(TableCodes.Applications, published.With("newlyReceived", "total", 5m), Now);
        correction.SubmitWithoutChecks(Now);
        report.Approve(Now);

        Assert.Same(correction, comment.Correction);
        Assert.Equal(ReportStatus.Approved, correction.Status);
        Assert.Equal(ReportStatus.Published, report.Status);
        Assert.Equal(3m, report.Applications["newlyReceived", "total"]);
        Assert.Equal(PublishedOn, report.PublishedOn);
        Assert.Contains(correction.PendingEvents, e => e.Action == ReportActions.Returned && e.Description.StartsWith("退回更正稿", StringComparison.Ordinal));
    }

    [Fact]
    public void Publishing_a_correction_archives_the_published_version_and_replaces_the_content()
    {
        var report = Published();
        var firstContent = report.Applications;
        var correction = report.OpenCorrection("表三申请数量填报有误", Reviewer, Now);
        correction.UpdateTable(TableCodes.Applications, firstContent.With("newlyReceived", "total", 5m), Now);
        correction.SubmitWithoutChecks(Now);
        report.Approve(Now);
        var later = Now.AddDays(3);
        var correctedOn = new DateOnly(2024, 2, 3);

        Refused(() => report.Publish(correctedOn, secrecyReviewConfirmed: false, Reviewer, later), "发布前须确认已完成保密审查（先审查、后公开）。");
        report.Publish(correctedOn, secrecyReviewConfirmed: true, Reviewer, later);

        var revision = Assert.Single(report.Revisions);
        Assert.Equal(1, revision.Number);
        Assert.Equal(PublishedOn, revision.PublishedOn);
        Assert.Equal(correctedOn, revision.SupersededOn);
        Assert.Equal("表三申请数量填报有误", revision.SupersededReason);
        Assert.Same(correction, revision.SupersededBy);
        Assert.Equal("张三", revision.SignedBy);
        Assert.Equal("晋江市审核员", revision.SecrecyReviewedBy);
        Assert.Equal(firstContent, revision.Document().Applications);
        Assert.Equal("晋江市西园街道办事处", revision.Document().Organization.Name);

        Assert.Equal(ReportStatus.Published, report.Status);
        Assert.Equal(5m, report.Applications["newlyReceived", "total"]);
        Assert.Equal(correctedOn, report.PublishedOn);
        Assert.Equal(2, report.RevisionNumber);
        Assert.Equal(later, report.SecrecyReviewedAt);
        Assert.Equal(ReportStatus.Published, correction.Status);
        Assert.Equal(correctedOn, correction.PublishedOn);
        Assert.False(correction.IsOpen);
        Assert.Null(report.CurrentCorrection);
        Assert.Same(report, report.UnderReview);
        var published = Assert.Single(report.PendingEvents, e => e.Action == ReportActions.Published);
        Assert.Same(correction, published.Correction);
        Assert.Contains("替换第 1 版", published.Description);

        var second = report.OpenCorrection("第二次更正", Reviewer, later);
        Assert.Equal(2, second.Number);
        Assert.Equal(5m, second.Applications["newlyReceived", "total"]);
    }

    [Fact]
    public void A_correction_under_review_cannot_be_edited_and_is_refused_where_out_of_turn()
    {
        var report = Published();
        var correction = report.OpenCorrection("数据有误", Reviewer, Now);

        Refused(() => report.Approve(Now), "更正稿当前状态为“草稿”，不能审核通过。");
        Refused(() => report.Publish(PublishedOn, secrecyReviewConfirmed: true, Reviewer, Now), "更正稿当前状态为“草稿”，不能发布。");
        Refused(() => report.Return(ReportParts.General, "请修改。", Reviewer, Now), "更正稿当前状态为“草稿”，不能退回。");
        correction.SubmitWithoutChecks(Now);

        Refused(() => correction.UpdateSections(ReportSections.Empty, Now), "更正稿当前状态为“已提交”，不能修改。");
        Refused(() => report.UpdateSections(ReportSections.Empty, Now), "已发布的报告不能直接修改，请通过更正流程。");
        Refused(() => correction.SubmitWithoutChecks(Now), "更正稿当前状态为“已提交”，不能提交。");
    }

    [Fact]
    public void A_revision_has_no_way_to_change()
    {
        var settable = typeof(ReportRevision).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } or { IsAssembly: true } or { IsFamily: true });
        var mutators = typeof(ReportRevision).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(ReportRevision.Document));

        Assert.Empty(settable);
        Assert.Empty(mutators);
    }
}
