using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>
/// A split that cannot be made as asked, typically because grouping by patient leaves a class without any
/// sample in some part. A data problem, not a bug: the message says which class, where, and what to change.
/// </summary>
public class SplitException : MammoDataException
{
    public SplitException()
    {
    }

    public SplitException(string message)
        : base(message)
    {
    }

    public SplitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
