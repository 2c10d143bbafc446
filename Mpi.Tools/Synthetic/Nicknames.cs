namespace Mpi.Tools.Synthetic;

/// <summary>A small built-in list of formal given names and the nicknames registries record instead.</summary>
internal static class Nicknames
{
    private static readonly Dictionary<string, string[]> ByFormalName = new(StringComparer.Ordinal)
    {
        ["alexander"] = ["alex", "xander"],
        ["alexandra"] = ["alex", "sandra"],
        ["andrew"] = ["andy", "drew"],
        ["anthony"] = ["tony"],
        ["benjamin"] = ["ben"],
        ["catherine"] = ["cathy", "kate"],
        ["charles"] = ["charlie", "chuck"],
        ["christopher"] = ["chris"],
        ["daniel"] = ["dan", "danny"],
        ["deborah"] = ["debbie"],
        ["edward"] = ["ed", "ted"],
        ["elizabeth"] = ["liz", "beth", "betty"],
        ["jacob"] = ["jake"],
        ["jacqueline"] = ["jackie"],
        ["james"] = ["jim", "jimmy"],
        ["jennifer"] = ["jen", "jenny"],
        ["jessica"] = ["jess"],
        ["john"] = ["johnny", "jack"],
        ["jonathan"] = ["jon"],
        ["joseph"] = ["joe"],
        ["joshua"] = ["josh"],
        ["katherine"] = ["kate", "kathy"],
        ["kimberley"] = ["kim"],
        ["margaret"] = ["maggie", "peggy"],
        ["matthew"] = ["matt"],
        ["michael"] = ["mike", "mick"],
        ["nicholas"] = ["nick"],
        ["patricia"] = ["pat", "trish"],
        ["peter"] = ["pete"],
        ["rebecca"] = ["becky", "bec"],
        ["richard"] = ["rick", "dick"],
        ["robert"] = ["bob", "rob"],
        ["samuel"] = ["sam"],
        ["stephen"] = ["steve"],
        ["susan"] = ["sue"],
        ["thomas"] = ["tom", "tommy"],
        ["timothy"] = ["tim"],
        ["victoria"] = ["vicky", "tori"],
        ["william"] = ["bill", "will", "liam"],
        ["zachary"] = ["zach"],
    };

    public static int Count => ByFormalName.Count;

    /// <summary>Whether <paramref name="name"/> is one of <paramref name="formalName"/>'s nicknames in this list.</summary>
    public static bool IsNicknameOf(string name, string formalName) =>
        ByFormalName.TryGetValue(formalName, out var nicknames) && nicknames.Contains(name);

    public static bool TryPick(string formalName, Random random, out string nickname)
    {
        if (ByFormalName.TryGetValue(formalName, out var nicknames))
        {
            nickname = nicknames[random.Next(nicknames.Length)];
            return true;
        }

        nickname = formalName;
        return false;
    }
}
