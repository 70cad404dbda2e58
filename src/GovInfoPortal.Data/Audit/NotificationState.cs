namespace GovInfoPortal.Data.Audit;

/// <summary>Until when a user has seen their notifications (returns and comments for clerks, submissions for reviewers).</summary>
public class NotificationState
{
    private NotificationState()
    {
        UserId = string.Empty;
    }

    public NotificationState(string userId, DateTime seenUntil)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        SeenUntil = seenUntil;
    }

    public string UserId { get; private set; }

    /// <summary>Notifications up to this moment (UTC) are read.</summary>
    public DateTime SeenUntil { get; private set; }

    public void MarkSeen(DateTime until)
    {
        if (until > SeenUntil)
        {
            SeenUntil = until;
        }
    }
}
