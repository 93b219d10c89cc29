namespace Mammo.Data;

/// <summary>
/// What the user can do about a failure, as a fact rather than words: each front end says it in its own terms
/// (the command line names its options, a web page its buttons).
/// </summary>
public enum DataRemedy
{
    /// <summary>Nothing beyond what the message says.</summary>
    None,

    /// <summary>The run at <see cref="MammoDataException.Subject"/> was interrupted and can be resumed.</summary>
    ResumeRun,

    /// <summary>No experiment has been planned in the folder <see cref="MammoDataException.Subject"/> yet.</summary>
    CreateExperiment,

    /// <summary>Strict loading stopped at the first of several data issues; a lenient load lists them all.</summary>
    ListAllIssues,

    /// <summary>The official archive could not be fetched; a copy obtained another way can be given instead.</summary>
    ProvideArchive,
}
