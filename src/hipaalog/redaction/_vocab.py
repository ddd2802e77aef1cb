"""Word lists the detectors consult: US states, street suffixes, common given names and surnames.

The name lists are short on purpose: they only decide the shapes that carry no cue word
(``Last, First`` and ``for First Last``); a name after a cue (``patient``, ``Dr.``, ``name:``)
is found whatever it is.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "FIRST_NAMES",
    "NAME_STOPWORDS",
    "RESTRICTED_ZIP3",
    "STATE_CODES",
    "STATE_NAMES",
    "STREET_SUFFIXES",
    "SURNAMES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STATE_CODES: Final = _words(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
    NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP FM MH PW AA AE AP"""
)
"""USPS codes of states, DC, territories, freely associated states and the military 'states' (AA, AE, AP)."""

STATE_NAMES: Final = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    "Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|"
    "Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|"
    "Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|District of Columbia"
)
"""State names as a regex alternation."""

RESTRICTED_ZIP3: Final = _words("036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893")
"""Three-digit ZIP prefixes covering 20,000 people or fewer (2000 census): Safe Harbor keeps
the first three digits of a ZIP code only outside these, which become ``000``."""

STREET_SUFFIXES: Final = _words(
    """Alley Aly Annex Anx Arcade Arc Avenue Ave Av Bayou Byu Beach Bch Bend Bnd Bluff Bluffs Blf Bottom Btm
    Boulevard Blvd Branch Br Bridge Brg Brook Brooks Brk Burg Burgs Bypass Byp Camp Cp Canyon Cyn Cape Cpe
    Causeway Cswy Center Centers Ctr Circle Circles Cir Cliff Cliffs Clf Club Clb Common Commons Corner Corners
    Cor Course Crse Court Courts Ct Cove Coves Cv Creek Crk Crescent Cres Crest Crst Crossing Xing Crossroad
    Crossroads Curve Curv Dale Dl Dam Dm Divide Dv Drive Drives Dr Estate Estates Est Expressway Expy Extension
    Extensions Ext Fall Falls Fls Ferry Fry Field Fields Fld Flat Flats Flt Ford Fords Frd Forest Frst Forge
    Forges Frg Fork Forks Frk Fort Ft Freeway Fwy Garden Gardens Gdn Gdns Gateway Gtwy Glen Glens Gln Green Greens
    Grn Grove Groves Grv Harbor Harbors Hbr Haven Hvn Heights Hts Highway Hwy Hill Hills Hl Hollow Holw Inlet
    Island Islands Is Isle Junction Junctions Jct Key Keys Ky Knoll Knolls Knl Lake Lakes Lk Land Landing Lndg
    Lane Ln Light Lights Lgt Loaf Lock Locks Lodge Ldg Loop Mall Manor Manors Mnr Meadow Meadows Mdw Mews Mill
    Mills Mission Msn Motorway Mount Mt Mountain Mountains Mtn Neck Orchard Orch Oval Overpass Park Parks Pk
    Parkway Parkways Pkwy Pass Passage Path Pike Pine Pines Place Pl Plain Plains Plaza Plz Point Points Pt Port
    Ports Prt Prairie Pr Radial Ramp Ranch Rnch Rapid Rapids Rest Ridge Ridges Rdg River Riv Road Roads Rd Route
    Rte Row Rue Run Shoal Shoals Shore Shores Shr Skyway Spring Springs Spg Spur Spurs Square Squares Sq Station
    Sta Stravenue Stream Street Streets St Summit Smt Terrace Ter Throughway Trace Track Trafficway Trail Trl
    Trailer Tunnel Turnpike Tpke Underpass Union Unions Valley Valleys Vly Viaduct View Views Vw Village Villages
    Vlg Ville Vista Walk Walks Wall Way Ways Well Wells Via"""
)
"""Street suffixes and their standard abbreviations (USPS Publication 28, appendix C1), and ``Via``."""

FIRST_NAMES: Final = _words(
    """Aaron Abigail Adam Adrian Aiden Alan Albert Alexander Alexandra Alexis Alice Alicia Allen Allison Alyssa
    Amanda Amber Amy Andrea Andrew Angela Angelica Anita Ann Anna Anne Annie Anthony Antonio April Arthur Ashley
    Audrey Austin Barbara Benjamin Betty Beverly Bill Billy Bobby Bonnie Brad Bradley Brandon Brenda Brent Brian
    Brianna Brittany Brooke Bruce Bryan Caleb Calvin Cameron Carl Carla Carlos Carmen Carol Caroline Carolyn Carrie
    Catherine Cathy Charles Charlotte Chelsea Cheryl Chloe Chris Christian Christina Christine Christopher Cindy
    Claire Clara Clarence Cody Colleen Connie Connor Courtney Craig Crystal Curtis Cynthia Daisy Dale Dana Daniel
    Danielle Danny David Dawn Dean Deborah Debra Denise Dennis Derek Diana Diane Dolores Don Donald Donna Doris
    Dorothy Douglas Dustin Dylan Earl Eddie Edward Eileen Elaine Eleanor Elijah Elizabeth Ella Ellen Emily Emma
    Eric Erica Erik Erin Ethan Eugene Eva Evelyn Felicia Frances Francis Frank Fred Frederick Gabriel Gabriella
    Gail Gary Gene George Gerald Gina Gladys Glenn Gloria Grace Gregory Hailey Hannah Harold Harry Heather Heidi
    Helen Henry Holly Howard Isaac Isabella Jack Jacob Jacqueline James Jamie Jane Janet Janice Jared Jasmine Jason
    Jean Jeffrey Jennifer Jeremy Jerry Jesse Jessica Jill Joan Joann Joe Joel John Johnny Jonathan Jordan Jose
    Joseph Joshua Joyce Juan Judith Judy Julia Julie Justin Kaitlyn Karen Kate Katherine Kathleen Kathryn Kathy
    Katie Kayla Keith Kelly Kelsey Kenneth Kevin Kim Kimberly Kristen Kristin Kyle Larry Laura Lauren Lawrence
    Leah Lee Leonard Leslie Lillian Linda Lindsay Lisa Logan Lori Louis Louise Lucas Lucy Luis Luke Lydia Lynn
    Madison Makayla Marcus Margaret Maria Marie Marilyn Mario Mark Martha Martin Mary Mason Matthew Maureen Megan
    Melanie Melissa Michael Michelle Miguel Mildred Monica Morgan Nancy Natalie Nathan Nathaniel Nicholas Nicole
    Noah Norma Olivia Pamela Patricia Patrick Paul Paula Peggy Peter Philip Phillip Phyllis Rachel Ralph Randy
    Raymond Rebecca Regina Renee Rhonda Richard Rick Ricky Riley Rita Robert Roberta Robin Rodney Roger Ronald Rose
    Rosemary Roy Ruby Russell Ruth Ryan Sabrina Samantha Samuel Sandra Sara Sarah Scott Sean Shannon Sharon Shawn
    Sheila Shelby Shirley Sierra Sophia Stacy Stanley Stephanie Stephen Steve Steven Susan Suzanne Sydney Tammy
    Tanya Tara Teresa Terry Thomas Tiffany Timothy Tina Todd Tom Tony Tracy Travis Troy Tyler Valerie Vanessa
    Victor Victoria Vincent Virginia Walter Wanda Wayne Wendy William Willie Yolanda Zachary Zoe
    Abby Ada Addison Agnes Aimee Alana Alberto Alec Alfred Alfredo Ali Alisha Allan Alma Alvin Amelia Ana Andre
    Andres Angel Angie Anya Ariana Ariel Arlene Armando Arnold Aubrey Ava Avery Bailey Becky Ben Bernard Bernice
    Bethany Blake Bob Brady Brenda Brendan Brett Bridget Brittney Bryce Byron Candace Carly Carmen Casey Cecilia
    Cesar Chad Charlene Charlie Chase Chester Christy Claudia Clayton Clifford Clinton Colin Cory Cristina Dakota
    Dallas Damon Dan Darlene Darrell Darren Darryl Dave Dawn Deanna Debbie Delia Derrick Desiree Devin Devon Dominic
    Don Dora Drew Duane Dwayne Edgar Edith Edna Eduardo Edwin Elena Eli Elias Ellie Elsie Emilio Enrique Erika Ernest
    Esther Ethel Eugene Evan Everett Fernando Florence Francisco Gabrielle Garrett Gavin Genevieve Geoffrey
    Georgia Gerardo Gilbert Gordon Grant Greg Gretchen Guadalupe Gwendolyn Harvey Hector Herbert Hilda Hope Hugo
    Ian Ida Ingrid Irene Iris Isaiah Ivan Jackie Jacquelyn Jaime Jake Janelle Janie Javier Jay Jeanette Jeanne
    Jenna Jenny Jeremiah Jermaine Jerome Jessie Jim Jimmy Jo Joanna Jocelyn Jodi Joey Johanna Jon Jorge Josephine
    Josh Joy Juanita Julian Julio June Kara Karl Kari Kasey Katelyn Katrina Kay Keisha Kellie Ken Kendra Kent Kerry
    Kirk Krista Kristina Kristy Lacey Lana Lance Latoya Laurie Leon Leroy Leticia Levi Lewis Lillie Lindsey Lloyd
    Lois Lonnie Loretta Lorraine Lucille Luz Lyle Mabel Mackenzie Maggie Malik Mandy Manuel Marc Marco Marcia
    Margarita Marian Marisa Marjorie Marlene Marsha Marvin Matt Max Maxine Meghan Melinda Melvin Mercedes Meredith
    Micheal Mike Mindy Miranda Misty Mitchell Molly Monique Myra Nadia Naomi Neil Nelson Nick Nina Noel Nora Norman
    Olga Omar Oscar Owen Pam Parker Pat Patsy Pedro Penny Percy Perry Preston Priscilla Rafael Ramon Raquel Raul Ray
    Reginald Rene Ricardo Roberto Rochelle Rodolfo Roland Ron Ronnie Rosa Rosalie Ross Ruben Rudy Russ Sally
    Salvador Sam Sandy Santiago Savannah Selena Sergio Seth Shane Shari Shaun Shawna Sheryl Sidney Sierra Sofia
    Sonia Sonya Spencer Stacey Stella Stuart Sue Summer Susie Sylvia Tamara Tami Tanner Ted Terrance Terrence Terri
    Theodore Theresa Tiffani Tim Toby Tommy Toni Tonya Tracey Trevor Trisha Troy Tyrone Vernon Veronica Vicki Vickie
    Viola Violet Wade Warren Wesley Whitney Wilma Xavier Yvette Yvonne"""
)
"""Frequent US given names."""

SURNAMES: Final = _words(
    """Adams Alexander Allen Alvarez Anderson Andrews Armstrong Arnold Bailey Baker Banks Barnes Bell Bennett
    Berry Bishop Black Boyd Bradley Brooks Brown Bryant Burke Burns Butler Campbell Carpenter Carroll Carter
    Castillo Castro Chavez Clark Cole Coleman Collins Cook Cooper Cox Crawford Cruz Cunningham Daniels Davis Dean
    Diaz Dixon Dunn Edwards Elliott Ellis Evans Ferguson Fernandez Fisher Flores Ford Foster Fox Freeman Garcia
    Gardner Gibson Gomez Gonzales Gonzalez Gordon Graham Grant Gray Green Greene Griffin Gutierrez Hall Hamilton
    Hansen Harper Harris Harrison Hart Hawkins Hayes Henderson Henry Hernandez Hicks Hill Holmes Howard Hudson
    Hughes Hunt Hunter Jackson James Jenkins Jimenez Johnson Johnston Jones Jordan Kelley Kelly Kennedy Kim King
    Knight Lawrence Lee Lewis Long Lopez Marshall Martin Martinez Mason Matthews Mcdonald McDonald Medina Mendoza
    Meyer Miller Mills Mitchell Moore Morales Moreno Morgan Morris Murphy Murray Myers Nelson Nguyen Nichols Olson
    Ortiz Owens Palmer Parker Patel Patterson Payne Perez Perkins Perry Peters Peterson Phillips Pierce Porter
    Powell Price Ramirez Ramos Reed Reid Reyes Reynolds Rice Richards Richardson Rivera Roberts Robertson Robinson
    Rodriguez Rogers Romero Rose Ross Ruiz Russell Ryan Sanchez Sanders Schmidt Scott Shaw Simmons Simpson Smith
    Snyder Spencer Stephens Stevens Stewart Stone Sullivan Taylor Thomas Thompson Torres Tucker Turner Vasquez
    Wagner Walker Wallace Ward Warren Washington Watson Weaver Webb Wells West Wheeler White Williams Willis Wilson
    Wood Woods Wright Young
    Acevedo Acosta Aguilar Andrade Atkins Austin Avila Ayala Baldwin Ball Barber Barker Barnett Barr Barrett
    Barton Bates Beck Becker Benson Bernard Best Blair Blake Bowen Bowman Boyle Brady Brewer Bridges Briggs Buchanan
    Bush Byrd Cain Caldwell Calhoun Cannon Cardenas Carlson Carr Carrillo Carson Casey Chambers Chan Chang Chapman
    Chen Cherry Christensen Clarke Clayton Cobb Cochran Cohen Collier Combs Conner Contreras Conway Copeland Cortez
    Craig Cross Curry Curtis Dalton Daniel Davidson Dawson Day Delgado Dennis Dodson Dominguez Douglas Doyle Drake
    Duncan Duran Erickson Espinoza Estrada Farmer Fields Figueroa Fitzgerald Fleming Fletcher Flowers Floyd Francis
    Frank Franklin Frazier French Fuller Gallagher Garner Garrett Gates Gibbs Gilbert Gill Glover Golden Goodman
    Goodwin Graves Gregory Griffith Guerrero Guzman Hale Haley Hammond Hampton Hardy Harmon Hayden Haynes Hebert
    Hodges Hoffman Hogan Holland Holt Hopkins Horton Houston Howell Hubbard Huff Huffman Hurst Ingram Jacobs Jensen
    Johns Joseph Juarez Kane Keller Kemp Kerr Kirby Klein Knox Lamb Lambert Lane Lara Larson Lawson Leon Leonard
    Lindsey Little Logan Love Lowe Lucas Luna Lynch Lyons Mack Maldonado Mann Manning Marsh Maxwell May Mccarthy
    McCarthy Mccoy McCoy Mcgee McGee Mckinney McKinney Mclaughlin McLaughlin Meadows Mejia Melton Mercado Miles
    Molina Montgomery Moody Moon Morrison Morrow Moss Mullins Munoz Navarro Newman Newton Nicholson Noble Norris
    Norton Nunez Obrien Ochoa Oliver Olsen Oneal Orr Osborne Pacheco Page Parks Parsons Patton Paul
    Pearson Pena Pennington Pittman Pollard Poole Pope Potter Pratt Preston Quinn Ramsey Randall Randolph Ray Reese
    Reeves Rhodes Riley Rios Ritter Rivas Robbins Roberson Rocha Rodgers Rollins Roman Rosales Rowe Rush Salazar
    Sampson Sandoval Santiago Santos Saunders Schneider Schultz Schwartz Sharp Shelton Shepherd Sherman Silva Sims
    Singh Skinner Sloan Solis Sparks Steele Stein Stokes Strickland Summers Sutton Swanson Tate Terry Todd Townsend
    Tran Trevino Valdez Vargas Vaughn Vega Velasquez Wade Walsh Walters Walton Waters Watkins Weber Webster Welch
    Whitaker Whitney Wilkerson Wilkins Williamson Wise Wolfe Wong Woodard Wyatt Yang Yates York Zamora Zimmerman"""
)
"""Frequent US surnames."""

NAME_STOPWORDS: Final = _words(
    """A An The And Or Of In On At To For From By With Without Not No Yes None Null Nil True False Unknown
    Anonymous Any All
    Id ID Ids IDs MRN DOB SSN NPI DEA MBI VIN Name Names Number Num No Record Records Chart Charts Portal Portals
    Info Information Data Details Detail Summary Profile Profiles Search Lookup List Lists Count Update Updated
    Updating Create Created Creating Delete Deleted Deleting Merge Merged Load Loaded Loading Save Saved Sync
    Synced Found Missing Invalid Valid Error Errors Failed Failure Success Successful Ok OK Test Tests Testing Demo
    Sample Example Admin Administrator User Users System Systems Service Services Server Client Api API App
    Application Request Requests Response Queue Job Jobs Task Tasks Batch Event Events Message Messages Email
    Phone Address Intake Discharge Admission Visit Visits Encounter Encounters Appointment Appointments Note Notes
    Report Reports Claim Claims Eligibility Coverage Plan Plans Payer Payers Provider Providers Member Members
    Patient Patients Pt Doctor Nurse Care Team Group Unit Room Bed Ward Clinic Hospital Center Lab Labs Result
    Results Order Orders Rx Medication Medications Allergy Allergies Vitals Consent Consents Insurance Billing
    Account Accounts Status State Portal Index Table Field Fields Value Values Type Types Key Keys Token Session
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat
    Sun Today Yesterday Tomorrow North South East West New Old General Medical Health Healthcare Care Blue Cross
    Shield United Aetna Cigna Humana Medicare Medicaid Epic Cerner Redacted REDACTED Hipaalog
    Select Where Join Inner Outer Left Right Values Limit Group Having Union Insert Into Delete Returning Like
    Between Exists When Then Else End As Distinct Offset Fetch Asc Desc Set Ilike Rlike Regexp Glob Similar Collate
    Escape Overlaps Sounds Nulls Isnull Notnull Coalesce
    Get Post Put Patch Head Options GET POST PUT PATCH DELETE HEAD OPTIONS"""
)
"""Capitalized words that are not names even after a cue word (``patient Portal``, ``Dr. Office``)."""
