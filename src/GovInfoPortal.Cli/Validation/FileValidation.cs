using GovInfoPortal.Cli.Input;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Cli.Validation;

/// <summary>
/// What <c>validate</c> found about one file: its <see cref="Report"/> when it could be read, else the
/// <see cref="Errors"/> that made it unreadable (never both).
/// </summary>
internal sealed record FileValidation(string File, ValidationReport? Report, IReadOnlyList<InputError> Errors)
{
    public bool Readable => Report is not null;

    public bool HasErrors => Report?.HasErrors ?? false;
}
