namespace Hms.Grains.Messages;

public enum SubmitOutcome
{
    /// <summary>New (or replaced): the proof has started.</summary>
    Accepted,

    /// <summary>The same document was submitted before: nothing new started.</summary>
    Unchanged,

    /// <summary>Another document has this id and the request did not ask to replace it.</summary>
    AlreadyExists,

    /// <summary>The document cannot be understood; nothing was stored.</summary>
    Invalid,

    /// <summary>An update changed only what does not bear on the verdict (name, domain, metadata): stored, verdict kept.</summary>
    Kept,

    /// <summary>An update of a theorem that does not exist.</summary>
    NotFound,
}
