namespace Mammo.Storage;

/// <summary>Why an output path is refused.</summary>
public enum OutputConflict
{
    /// <summary>The output is one of the inputs.</summary>
    IsInput,

    /// <summary>The output lies inside an input folder (the data, a run it reads).</summary>
    InsideInput,

    /// <summary>The output is a folder that holds an input: replacing it would delete the input.</summary>
    ContainsInput,

    /// <summary>The output exists (a file, or a folder that is not empty) and replacing it was not asked for.</summary>
    Exists,

    /// <summary>Replacing was asked for, but the folder was not written by Mammo.</summary>
    NotMammoOutput,

    /// <summary>Replacing was asked for, but the folder holds another kind of Mammo output.</summary>
    OtherKind,

    /// <summary>A folder was expected where a file is.</summary>
    NotAFolder,

    /// <summary>A file was expected where a folder is.</summary>
    NotAFile,
}
