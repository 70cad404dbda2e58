using System.Buffers;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// A scratch buffer of characters for the text rules: on the stack for a text up to <see cref="StackLength"/>
/// characters, rented from the shared pool for a longer one and given back on <see cref="Dispose"/>:
/// <c>using var scratch = text.Length &lt;= ScratchChars.StackLength ? new(stackalloc char[ScratchChars.StackLength]) : new(text.Length);</c>
/// </summary>
internal ref struct ScratchChars
{
    /// <summary>The longest text whose buffer is taken on the stack.</summary>
    public const int StackLength = 1024;

    private char[]? _rented;

    /// <summary>A buffer on the stack.</summary>
    public ScratchChars(Span<char> stack) => Span = stack;

    /// <summary>A rented buffer of at least <paramref name="length"/> characters.</summary>
    public ScratchChars(int length)
    {
        _rented = ArrayPool<char>.Shared.Rent(length);
        Span = _rented;
    }

    public Span<char> Span { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
