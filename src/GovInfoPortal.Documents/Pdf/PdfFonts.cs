using System.Collections.Concurrent;
using System.Text;
using GovInfoPortal.Documents.Composition;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace GovInfoPortal.Documents.Pdf;

/// <summary>
/// Serves PDFsharp the CJK fonts shipped with the project (Fonts/README.md): AR PL SungtiL GB (宋), AR PL
/// KaitiM GB (楷) and WenQuanYi Zen Hei (黑). The files are read once, from the Fonts folder beside this
/// assembly, and PDFsharp embeds a subset of each in every document. None of them has a bold face: bold
/// is simulated.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string SongFamily = "AR PL SungtiL GB";
    public const string KaiFamily = "AR PL KaitiM GB";
    public const string HeiFamily = "WenQuanYi Zen Hei";

    private static readonly Dictionary<string, string> Files = new(StringComparer.OrdinalIgnoreCase)
    {
        [SongFamily] = "gbsn00lp.ttf",
        [KaiFamily] = "gkai00mp.ttf",
        [HeiFamily] = "wqy-zenhei.ttf",
    };

    private static readonly Lock Gate = new();
    private static readonly PdfFonts Instance = new();

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _bytes = new(StringComparer.OrdinalIgnoreCase);

    private PdfFonts()
    {
    }

    /// <summary>Makes these fonts PDFsharp's font resolver, once per process; safe to call from any thread.</summary>
    public static void Register()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
        {
            return;
        }

        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {GlobalFontSettings.FontResolver.GetType().FullName}; the report PDFs need {typeof(PdfFonts).FullName}.");
            }
        }
    }

    public static string Family(Typeface face) => face switch
    {
        Typeface.Song => SongFamily,
        Typeface.Kai => KaiFamily,
        Typeface.Hei => HeiFamily,
        _ => throw new ArgumentOutOfRangeException(nameof(face), face, null),
    };

    public static XFont Create(Typeface face, double size, bool bold = false) =>
        new(Family(face), size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>The font file of a family (the 图解's PNG and SVG outlines use the same files).</summary>
    public static byte[] FileBytes(string family) =>
        Instance.GetFont(family) ?? throw new ArgumentOutOfRangeException(nameof(family), family, "Not a shipped font.");

    /// <summary>Whether a font has a glyph for a character (the two Arphic fonts cover GB 2312 only).</summary>
    public static bool Covers(XFont font, Rune rune) => GlyphHelper.GlyphIndexFromCodePoint(rune.Value, font) != 0;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Files.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) =>
        Files.TryGetValue(faceName, out var file) ? _bytes.GetOrAdd(faceName, _ => new Lazy<byte[]>(() => Load(file))).Value : null;

    private static byte[] Load(string file)
    {
        string[] folders = [Path.GetDirectoryName(typeof(PdfFonts).Assembly.Location) ?? string.Empty, AppContext.BaseDirectory];
        foreach (var folder in folders.Where(f => f.Length > 0).Distinct())
        {
            var path = Path.Combine(folder, "Fonts", file);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException(
            $"The font file Fonts/{file} is missing beside {typeof(PdfFonts).Assembly.GetName().Name}.dll; it is copied there from src/GovInfoPortal.Documents/Fonts on build.", file);
    }
}
