namespace Mammo.Storage;

/// <summary>
/// An output that Mammo refuses to write because it would modify an input or replace something it did not
/// write. Carries both paths and the reason, so each front end can phrase its own way out.
/// </summary>
public class OutputConflictException : MammoException
{
    public OutputConflictException()
    {
    }

    public OutputConflictException(string message)
        : base(message)
    {
    }

    public OutputConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutputConflictException(string output, OutputConflict conflict, string? input = null, OutputKind? kind = null)
        : base(Describe(output, conflict, input, kind))
    {
        Output = output;
        Conflict = conflict;
        Input = input;
        Kind = kind;
    }

    /// <summary>The output path as given.</summary>
    public string Output { get; } = string.Empty;

    public OutputConflict Conflict { get; }

    /// <summary>The input it collides with, when the conflict is with an input.</summary>
    public string? Input { get; }

    /// <summary>The kind of folder that was to be written, when a folder was.</summary>
    public OutputKind? Kind { get; }

    private static string Describe(string output, OutputConflict conflict, string? input, OutputKind? kind) => conflict switch
    {
        OutputConflict.IsInput => $"{output}: is the input {input}; inputs are never written to",
        OutputConflict.InsideInput => $"{output}: lies inside the input {input}; inputs are never written into",
        OutputConflict.ContainsInput => $"{output}: contains the input {input}; replacing it would delete the input",
        OutputConflict.Exists => $"{output}: exists{(Directory.Exists(output) ? " and is not empty" : string.Empty)}",
        OutputConflict.NotMammoOutput => $"{output}: is not empty and was not written by Mammo (it has no {OutputMarker.FileName}); Mammo writes only into new folders or folders of its own",
        OutputConflict.OtherKind => $"{output}: holds another kind of Mammo output, not {kind?.ToString().ToLowerInvariant()}; it is not replaced",
        OutputConflict.NotAFolder => $"{output}: is a file, not a folder",
        OutputConflict.NotAFile => $"{output}: is a folder, not a file",
        _ => $"{output}: cannot be written ({conflict})",
    };
}
