// entente-extract [--published YYYY-MM-DD] FILE...: the importers' own driver.
int main() { return 1; }
