namespace Mammo.Data;

/// <summary>
/// The data set could not be downloaded. The message is one line a user can act on: what failed, where,
/// and what to do about it. Nothing is left behind: the partial file is deleted and an existing
/// destination file is untouched.
/// </summary>
public class DatasetDownloadException : MammoException
{
    /// <summary>What the user can do about it; front ends phrase it.</summary>
    public DataRemedy Remedy { get; init; }

    public DatasetDownloadException()
    {
    }

    public DatasetDownloadException(string message)
        : base(message)
    {
    }

    public DatasetDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
