namespace GovInfoPortal.Data.Archive;

/// <summary>
/// The original document (a PDF) of a legacy (≤ 2018) archive report, stored in the database so that every
/// instance of the portal serves it and a database backup keeps it. One per report; uploading again replaces it.
/// The bytes live in their own row so that loading a report never loads them.
/// </summary>
public class ArchiveDocument
{
    public const int FileNameMaxLength = 200;
    public const int Sha256Length = 64;
    public const int UploadedByMaxLength = 256;

    private ArchiveDocument()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
        Content = [];
    }

    public ArchiveDocument(int reportId, string fileName, byte[] content, string sha256, string uploadedBy, DateTime utcNow)
        : this()
    {
        ReportId = reportId;
        Replace(fileName, content, sha256, uploadedBy, utcNow);
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>The file name the uploader's file had (shown and offered on download).</summary>
    public string FileName { get; private set; }

    public long Length { get; private set; }

    /// <summary>The SHA-256 of the content as lowercase hex: shown to readers and used as the download's ETag.</summary>
    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>The user name of who uploaded it.</summary>
    public string UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public void Replace(string fileName, byte[] content, string sha256, string uploadedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        if (fileName.Length > FileNameMaxLength)
        {
            throw new ArgumentException("File name too long.", nameof(fileName));
        }

        FileName = fileName;
        Content = content;
        Length = content.LongLength;
        Sha256 = sha256;
        UploadedBy = uploadedBy.Length > UploadedByMaxLength ? uploadedBy[..UploadedByMaxLength] : uploadedBy;
        UploadedAt = utcNow;
    }
}
