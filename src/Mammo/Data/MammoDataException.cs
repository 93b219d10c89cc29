namespace Mammo.Data;

/// <summary>Input data that cannot be used; the message names the file (and line) and says why.</summary>
public class MammoDataException : MammoException
{
    public MammoDataException()
    {
    }

    public MammoDataException(string message)
        : base(message)
    {
    }

    public MammoDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the user can do about it; front ends phrase it.</summary>
    public DataRemedy Remedy { get; init; }

    /// <summary>The path the remedy applies to (the run or experiment folder), where it needs one.</summary>
    public string? Subject { get; init; }

    public MammoDataException(DataIssue issue)
        : base(issue.ToString())
    {
    }
}
