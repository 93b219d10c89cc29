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

    public MammoDataException(DataIssue issue)
        : base(issue.ToString())
    {
    }
}
