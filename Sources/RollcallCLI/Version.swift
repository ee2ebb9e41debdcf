/// The version `rollcall --version` prints and the User-Agent carries.
public enum RollcallVersion {
    public static let current = "0.1.0"
}
