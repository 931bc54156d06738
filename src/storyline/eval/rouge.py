"""ROUGE-1.5.5 n-gram counts, reimplemented in Python.

This follows the Perl script as the timeline-summarization literature runs it
(tilse / news-tls call ``ROUGE-1.5.5.pl -a -n 2 -x -f A -d -m -s -t 2``):

* a summary is its sentences, each whitespace-split and re-joined, truncated at
  the first ``<`` (the script reads them out of HTML lines); ``^`` becomes
  ``&circ;`` as pyrouge writes it;
* ASCII upper case is lowered, every character outside ``[a-z0-9]`` separates
  tokens, and all sentences of a summary form one token stream (bigrams run
  across sentence boundaries);
* ``-s``: tokens in the SMART stop list that ships with ROUGE-1.5.5
  (``smart_common_words.txt``, 596 distinct entries, in ``storyline.text.stopwords``) are
  dropped *before* n-grams are formed;
* ``-m``: a token longer than three characters is first looked up in the
  script's WordNet-2.0 irregular-form table (``froze`` -> ``freeze``) and
  otherwise Porter-stemmed with the script's own Perl stemmer (including its
  2004 step-4 change). The table is embedded below, reduced to the entries that
  can change a result (see ``_WORDNET_EXCEPTIONS_Z85``);
* counts are clipped per n-gram: ``hit = sum(min(peer[g], model[g]))``;
  ``-f A`` with one model gives precision ``hit / peer_count`` and recall
  ``hit / model_count``.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# The stemmer and stop list live in the text layer (the timeline uses them too);
# they are re-exported here because ROUGE-1.5.5's preprocessing is defined by them.
from storyline.text.stem import porter_stem
from storyline.text.stopwords import SMART_STOPWORDS

__all__ = [
    "SMART_STOPWORDS",
    "NGramCounts",
    "RougeScorer",
    "porter_stem",
    "see_sentence_text",
    "wordnet_exceptions",
]


# WordNet 2.0 exception lists (irregular inflections -> base form), as ROUGE-1.5.5
# ships them in data/WordNet-2.0.exc.db and consults them before stemming.
# "WordNet 2.0 Copyright 2003 by Princeton University. All rights reserved."
# (WordNet license: use, copy, modify and distribute for any purpose, with this
# notice.) Reduced to the entries that can change a count: keys of more than
# three characters from [a-z0-9] (the only tokens that reach the lookup) whose
# Porter stem differs from the table's form: 3,636 "inflected base" lines,
# zlib-compressed and base85-encoded.
_WORDNET_EXCEPTIONS_Z85 = (
    "c-n1!>vn@G*Y*EiMeghyHZh62M%*5n(yRa0JS?>PdB<q8=A0ZvL<9uvy5;sR<9EMaI>Gx#_t{;C3x4-CNV)YvhFcFDrr"
    "Uomi70JN+AQsl=N3Z!=&s$gJtHz&M0f2L(uL$Y#DBN#OB~`L9bC$5?xvx?T@oX<e(OH>vAZPNUlfPCJOaVnv+G~|G~7B"
    "wn<Vt%s=%-eI@~fS5P}X9k~d6D-cnuz{KJ+hgl(A0Z-HbK;_cQ?w~%NN>+QDm>voZiXhJV>!VzhCbsK!11-Ty%RE8co3"
    "KOK#scwk7zal~LYjQKaNmzV302RD^(gQ3!JRU<?rY`bhi_<)@5^izqVG7>>eVo{^4E=HmQ-yI(BxC;`SYiO~Q7*=>ZuF"
    "4_;b{~fi3<}-i*$_R{w*Oa1$#*Mtz7rlK1L!F;(`QTx24-86H?w^xN0z@-+f_7SO~9f+WTomiVX*-C`s2Pj%tJhzg}hX"
    "nFvPeUsIgABp@nCZ2Y27z+58>dmW%L9;5Ve0puVkb?JuJg_f+}a7qG&3X35v`1~BYWqU3~F&&h#1!buK*q$yMAg|#k{R"
    "d3H<!87UFmvX-bVPA>Q{4JI5CMWs-8FJ@dv=!wapn^;%|3zTH4EKz6uSv!Y8mWRSf0oJrJ`?0t=eM%`9i)+0<u<?`B_p"
    "Hk;}T3S2_qw-|COVIS{4WQm*5`i`g*K8$@@SQHpD1+w@>8$$sDx*}mvroD3Nv?k}Gm5tPhqB4qYMcUjnExX(<7S2wE8O"
    "2~M}?$J*d*`RT1aW~-1SbV05Hx3LgaFoUS@WZ45P?)2tQfdVmYovV4Qy5vag|0kb!XIg`^!94r{;$)IQj%ghB-Wn>3cP"
    "fAh^6BZ23(0KB=nd>;fGU-hL)r#T8lgfu*XQrYJY&d-~pHJF<cTUe-u>Vc7%XDJ2&RcjJVi0#1|IMO2pj9@#k_=c_W}}"
    "@x4bNW$O1Oy$MU7pVcamv~?(RZ&g@2Z*L^3v>Tl;<0Yimxnt#cX$TrFwUSMUq|d6R!&a~o&jde@4-y4;UVZY6{olRg#i"
    "2zaA}hxsoR>$`{y{%cm4ycZ`iK?)gfODd{!w`6B}{ppb>$nD!xxgdTnXbIG=A*5od7C1o@U)85yK8qt;Pw_cHk@S9+)6"
    "6KL2z+2VuC#)#i;EyzuOots5^(*+#(r1ec+#*Rl6i{v#+H@AL&v5MbQrBKzv%1cVZ`UUl_h5p+d^Y-M|F^+SKnhyHpk&"
    "PgMRPabQ1R$&~=<g1^$Up#&ihB)`jV;E7-BxEGU!%1EbS*Llh!EURrUqZ&TcKf(7MMlv2M~6ZaQh*R}M|M1#5D!+T8;g"
    "<vZbVcuu2&7MoihK-k*@7k{8$m9#$;|v;kLx>$D%|OITd9k3SA`G;G^4b!=`gHLcq8^mP=ok0Unk<QXjuadAq2-rh7DG"
    "BGFF9!H|?-Iw1j^<@d04(H_(3Gy>1>@)hOs-F@}KlgVea(&Gd^(eRGO`}H{t7uiS-+Vr@RvJ$>NhwWn9r?5qQf3$TRZk"
    "GgybhE#vs<>}#I-KdiW8oo26M6O-4c$xhC;~(c6Il#f&DO2a@k@^5S28-9zU=r)CP&iOCmK+)CHSOniva~?)pV<7%OA$"
    "L8b$L=0Gv2LRCdF}a7NI+@N~KmlxQ14azYoTY{`U*uDqFLnKP@}2L$pk_QQG+;ALA^Bw$@}UYk#A(^+ks4z+F7jE554G"
    "dp)>;NCLS!rQs<z9pk8Y2V2)Y%(}Dy1q~x2#_~@+`^*+1gcF@pp-TR+K7GPM0DK`X>ZyOX~1h#)q$gL7@6Eh%Z5km=?#"
    "oWGR09~7kgT&nLLT2M}rW7@6j<~AOP@w91r&B;Pe<KV#M(1aSD%NAsLn%SUI^A-BwBWBZ6pM;0&K-L?9S?Y`iF00gy0t"
    "s$h}ivEo4(cEH)W5ce##eHP-R{c9%cm|c@x0xgSTT$l;ViU)b*%;muFzp6_gpzp6w2s0`n*uMKpKAnZ_^6r^kQJME|Is"
    "r&PjUwBppz}U!7<f1-Tc;yztn2z{KsrrZw8C-7t(32mJ03SmLNwT(xEC&;&z>DPbi`Jic32T+q*(OcCbSj8`@o)DFa%K"
    "wQELs42XcCN2qK$_|0yV*FhSP-8Y#ar8sVQ%w<{ma1T{G$NPz`~b?@NYdEos!<n3(wUG|QRBEu%>RIH7t$@3y7snYL#z"
    "e&88vO!z7o{yn~q4k|^8i1M{$!G#1?)w{{^mPS(2P|>9$5K?+0@UQoe>g)PLR`{i-I_Pi|F~t4ljGYV-pS<0bZRMjujz"
    "5E$?es`Z+iG`+#V?GblrPGIsp4bc@|~t@z8)ltzE|T*?$jTlmtVZc$6|#VMJt-E{(~JwD=hVpl3{=h?ApuiSJN#7GbLy"
    "V-Z!S3-$*r{_5j}<QX#6%PsDIR=Nox;<oG-py@zOT=kd<Tg`Y>)76e^GC7jw%~5nOly-BZpc{TCoUZa4pmF+b0&We|ad"
    "D<kJY;F{kX_<w9dNuYxYrt!17iiK$q{Q4)UYOKTpm(b)5F@hJxF-xA>LEt@*p7|fIbG$q0mp0ZXmep;`i6y``?;eo-I6"
    "dQxkwkKbt3x?qXcAB~MzX*iP9r`qWQ33x!s?+Z8ng)P|);wZLL%e20oB#lpwJqNhX><oiVy#cj!|VNp%6w5p*ADglwS2"
    "iQB?5Qd?(M#JJZ!%{ioU>lFz{qs{z6M&i=M@ixOwMEtVybwjz7!SPN4b`13(>)uiro#x#B9yHxwW(SgE2*B}JD=bCYnI"
    "p7oQz&YC*KSJjnmzNZ_HhH<*q7zU+Cl$T*hP!XgU!iCzi$j6lzI-r0eq&&(r8d0i>}0RTQ2@f6rSXsS>mrFDEQtB<wBV"
    ";_t5Sch=>5*6^Zr?m%F|Yh@ESek0r!L-7~<lH6DY%bKod$`;eX_iK;9unZop$_sv@mbiAj;$iwK5-CVFMsMsw!(bzB(2"
    "J~uYd0}w0>(C8nUe8`ScO!G5neH7C#x849Fj0l41=Q>7>E4Z_qSZ`z}4O=yuCgd%j;8dM4Oo{W{k#+gAZ!Rn4*I;c2O5"
    "y8f3W1`HI$L{7%XmJdebfH>PE_-!hXcZzgBWv^nfn%@kJjH=ctRStN3fes9ou-$c-hG+?skXklFuK%j)Qbf2uxpe9CC$"
    "NQJ#)eBxm-I!TRjc&&c!lcA6JeOt43$;wTP)lK!Ek)V2%w)5PM`9XeBGvkWWdya%tB+YYoR;YJA9d}0?6v2i{p!O2=el"
    "{M-iV>L?m9LR(5l8AjxmQos$mFfa$bxSo*lChmbCv-6af^2ujR&zx8=1I-ES_h`>jVwWYx{MK}I=^jORPfD;f|6xGvv("
    "B_bPV%KK8cW&irb7?CWT_^t)FqmeX};9i5e*M5G6*XS^)&2#3Fuzo=?7`iyVU`K5r#dVGHgB}+m6k?nK7fU+G;wO(#h4"
    "QT&0KkFPZPzs*`nWzj+}p3q_1Q<`3VcMeF0kE`eBXZQfe4D4Jp?s5GQ9~i9}5N$76(|WnY@c)+=210DE&{gR#LFCWqh0"
    "C^F@E^GC$j8Z^AELR$K%=aBhE3vhTkXL4cZ^5j0^*4@=|rU|~%UYvcAHVc9=*$N=E0)6CwVxdK@D=9PO6-^tb!(?cWa+"
    "flufDI(J7L8^)ovND+Snh!iq^l0&mE@fkCkE$t(-%$q|&{#0%p;DN(U;7AjDDsoiJloGaH!dF*wy2j_=_X`a{^ZB-{l9"
    "cQ(?1y$55>x=j0mS(rkh_(C$3gqAt#1fd~E~N<V<i1c}7JiP}&)#z&AXy%yA6a#`EuzNaETn&R%3XF_!m&!XAl=3~?fp"
    "K(A{zs=_u#oY8(%(gM`vOj-)}yFJ|Rjmv|D*UKJWug2xU!sMGLK;!aYVR5ZabSUy8Y53$Qwk+zdAzBNO9WWi4M=lJ1p!"
    "F&x0zH&r{p_g#M6ElFjC53#FURmg<&V)(wP%dzWqR;=PD^3I<0gJ_g~H?<fCHyPJ_;MALsr0p>ff;oj0&{}cFqFS<j9m"
    "J;OxeZZ`{GkdZt-^iRfMZJc7m*-yvj}byc9gn{-nX9SXxW=`Qw-WcM@4OpL*0g$`7kqR^J&@rgSuvNa)cb{sZ6!2~E3j"
    ";ztAq2&Fhg9NC_d59Fg`y+iprax?P2e6T7l8$*}jJglTc4IW*<=hO=xI9=u1v8@CcOC1DVh4k(UOJT`TAV>)i!gradc9"
    "V>uP68c*ZmW=n&B{wPJPuyGluGROkp#oc*YO`T>BC24m1T4mI?B-qcGDlAvwK9sD~dWd!+Yq>>mRu08c}GMc8V#{9#OY"
    "((>=_;6M(~IW`8C>SC!bmM{o&k!3m~4?jEm5~ROZe~a6Gy$DfoiUQQ+Oj8PXyWf+^Rdl#AuHpLsQ1)g>vrqUnGyH^x6g"
    "mi(1NW&nu{33B8t>V7q!cz)C>t~Ut&V=~B!>DJ=<zWy7be{qv^@W5EfFy#B8gk4t43gHn0844EG^xr6caIV-xy#29g0%"
    "j7!&wi#&6bp37I7Is@SJe_3g^LEb5IFc3H@n(Mg$_Fd%bbK~;aHM0NY%+_eT3-{u0pY%K9hjrKBbIU|PE{mMsjKA}xEm"
    "kYk+F_&`+`^z2xLW!Q?!h9fL^gC{(dp~USd1C3dcGFk7tQh}Ky#KGhWRietQ<$hGxt%Kzg4$LXE4_N;R3!S8s>}cyhjS"
    "C|n?2mO#^u3+29pRHmj?^%M8e>Lg#EIAKI6sZ-vYZ8i~4#?_a5#2J=Wy%ZsFJNzsclE+IM<T0yIwd6g1z_fC=pT*<t#*"
    "CRZ2>c&W`on^56q`vG3BcxiP>6nDuoxZfqfAiN3C3($13t7ekHI0*r2awee(D`Sdkj`86AGzGq>jygD65-SH*6ZO#yUv"
    "}OK%l<>`x}OM<Mg^&(256i|J%q9O7!M`=SbC+OSL5~}0e3AQBa4U02x@ZqrLgs`x&&~p(HG+DcLPcuONwsz4;X5v_{9<"
    "2<jU3-Y*bQgKR4VQvK@91I$<6oqYnV8Ea3R#HHRY`T{3k-OrD2KI1(AZ@{Y!N+^(ygHdHrp(uK`%fK{Bei$N%?LUuelb"
    "|q><fvM3znL!CGtSPWeRcBJ=fLr{2omiA&<T5RiTvybZ95zT8S#j&s;)ktfaWY8<4TcdkPIn7x1Kc=^_J+BockvfTqi&"
    "wKaO1GtEhjFVsJ%}&d5>pa{6unZU40D&#|dM$HrjVLUNM5295FXxBpCy83^xt}kaYb+(K$?hjD03Xbl3j%J;Z}L5v2*0"
    "paGKHpW4)oF!W++0gJXWQr^!@sD0ms<I#w!t3gI9ybXtrgg!c-R)D1IAF9(5kM3DcC2s_WOi66Sd{G`ph=-3mr=65Ayu"
    "MI~QYD6p_tMBESY{`tZ`l_iJ(&w{OY=ZXb?ZhZgMg`6P%G;U1qVdGX4bCC+qK7}wo3vi(FtByt`ai3t^DL+2@&}Fl$P("
    "7mbVJp+n9w6Way%`#smo=JwX2>Jv2qiNZN?E(y$`DQpu`)YZNqq=U*CGD<`!adYgoOJI%ljyhcV^CT!{<Hci6`388IId"
    "-FWi+wl3he|-(Fi%<w0p+hJF<nh3PK=e(j2(m624{+tR7+OBIJWDS2$XbO6!AH!KM8mtm9xA&NvW)okVgd|#c;M-wgiV"
    "iXMkmuRJANgTBk4RA_1+ppA@>m0jRRJ<9KcGtY)U&OQi?5q7`=+FjCob0>$QAhC_ho5*uVS|KQY7goS8hXmjk0L>FpP6"
    "HRHid2ed#JMMZpwDvyWy@1Dyi8etS`JX_Y(MW9FjJAOK%CF>4jxuXS-XX=4@!AP|B<3tKvz8%RoBKZ9k`~6L}{9!yz(t"
    "n0&y6|`SxRsl(eAsFRpQd^VO$(+stN?t$dUJR8#vbjh=<zCxv`5b<SXh;Xcyw109zkrukkbX0vmyelh+<h8frhPNs~Ll"
    "e?hjo{fX3;52w-o+<~c)ehj&W4Mo5Ha)xlOXdNj4$(2K}PY_i)_&E!a`OM?E$&7BhwbV1+})&x#w>XzKp3%Rv!$swp)a"
    "#Jtl*19E!5M8U=f=*T7mJNdS&=jPJ@2`ogg$(aK#fdzi`x`fPFK(^BaTd%-mh`>U<n}EgPoh_v`*sp3XyA^Zae1)t&ZM"
    "zGGFF8UqF+K+OpB_brBzK$z~C575EhBVZ>NFtjm#O+!hXu>+Kye@vG-n&xUeFuQp8#VYj^XC-3f4XCT^Z}aN{(CTh2O2"
    "I!$z&1nB@=rnr;#XlY~eKIwYqbBPvaR4M|fUw6#{f~{tZ%yhHkmQ0SMyW4^SAGde6u=s?%2kX)F<h;IHZI8*S$7EH_+J"
    "8i0U<($un#Ca+)eIYg#^v6GvH2JeCH+uhM<k5#a>Dc{vawxsY3M^!Rxn$ozh0kJOO+DF6S=?Ms-#;LM_chivzz)kd0;w"
    "hoatgaee{|P5hfCHQ?r9M7;lmuHFNKJ+C*iiXZzJJ;%GkdEu7i?uJ(XI6oY=aVMLQA`qO<pD<5oW7~xcgX!G1|_j2p@%"
    "RxT+krO0!XyXc%6NF@OhEdM>?py#7IuV%!&V#_@w|=a61x$m)<a6B*b(nbg(;(uPdoct_*FO|REBXBF<P0!S;pm1e67r"
    "fi9d6#L+46@WCrw)iptb+ez|WRu!#K{Qch_+wBb=Mzu<?b|i5>wo-g#ml%vz2AH>k)?FXm1RE?f;Oi*uZASjDOs3{%z!"
    "R)dybJ(pZGXgP|3!~jk5xeM}4Zn^rYL3{SPwFb{}p2tDy#`{DT=j?lfFZZIm*>}(WhSHOe8KcHLEz`q6{~YjF2NGRJw5"
    "Sw)-i8w!S7C5r-<+5j7E=?k_^w^i`Fu@hv@>=07~+_7|C9HWA=PL9Vp;?koJi%tm>#2aUTA_0IaSE;M;fQ=BtmHi)KxY"
    "@{$goMYJHPNr;Uh5j8b*0FDJx=`UA6A6oH_kc#LS8*}Dk6M;}<80pvB#i!V|rC*jEt?z|Z(224?uUn0e^Jvo(&vaw>wG"
    "G&y$j}mn-xbTA0AaorS78cR{yAR{=$+Jy}2m`NJ+GGG}VPBdCbd9bjUS=EMYOH(>&|^%q$BDS+5Dbm$FQo}WtFMSOevz"
    "0R*E(vTOCrR&&v?&^_3{Zri)IXbg@KnJE%;>m5{KGfcfTx7{PS^?(pE-)qOwCFr^TreIHAUo(x0M|MoVw4D)?zN!Ow<4"
    "<clmk)n2^`0QM&C-Dg~Z{pVs3LfjXTq)UPiFY(}#j(e9iuuu(!qo6c#@^?<NfiouA+&u~B%%VDPbW_Vf2udD0kG$Z@fC"
    "pZ$nuV8$N8{RsFoKL*ScgTQ<(~6yl41~-t^pdSyM+GMRjh<D_~7h+PW->)NzAYSH95kjFpkbCjK@C}4d*Dy3}=pDJ-lL"
    "hd*Ig|=gCo}$OGCAoUQ9SS0mixSnKr}g>_@hjfKnaZ(RH^ANROzbnh93a?>~^K~0WyH=!TmY4zgR|CvRpiR(Sy*kcr8p"
    "YcA7@Ho<a^t3P`98YV`V5=DqW~xRdLF00lpjnf!$>=J&I`H~TM#rSua6#yfbgGC9n;`uL9{qBPpeBdwA@G%o0nQVP$Sp"
    "k%>EUS5X);$dDXbgc^Bdmp5WgJgtC}f@=u6AD5>Xl^MS=I>VVnsg=hB-i3JaS`EdWdI=v!s%lE^#RuF-X&+7$V)gfckd"
    "ZW!GrCaB5jH--Lc5B;@qd9aYl@0HrVCI1k{=3_jR^dspV1YmFnTj)^eyGfcjLD0B-SjbEmbizZ+f)tR0x(|$XCyb?Y$N"
    ")7tL#BW(2n{MN+A)PuQi&UqApj!D(9~-tsL2(rg=NrWhz40Cy>x`2CRaEM@5wpmX;uV{(`yPYsQXtkxr#<Z|IVo<fn80"
    "Fd=nM1fBO1xC6VoP7Cik$C~k_P;SJbohGUr`0}HdS_>L>Qze?V3rf5&#7dcVJFXaS4O-|1i%J@V(jedmBDt#U@>gcjC;"
    "-%vZ6$0FlW%=xGpjh=L)}N{7FP;P}4T8l&Ao1ys5bfLbVhbMaLC{+vDe^4V+pSM(*W`YD1z<%G;E_Ha@-aLn=715kuL+"
    "lr0GG>P`YT0`g~GBk5BjxJm=*Pe?DSW7W*k70xIR({i(Q&F{YO;Gg-A^oqEY9Lxmr}-Sh0DW+at;t=mWz^w$mTMd13E`"
    "fwA~hY_o3(uYt3kFAb_NOl;K={D7~WQx8A^>n+bb&$*r5amI)Ab|G2cE)-CvKgy=#qUlegrdiRn>adv`JUfoe-c`A<Z*"
    "@n{>Rx_S{(q`4OFhWaUEAhDCxUyB%&)XhL{8{v&>(k~oIEd7n}Wj}(vFi~@T|j%C;9LBI25Pv6y(|y%7K`N^-=pNkJ?W"
    "<L_f8o{*jbr#!~S@K-O{nrk`JU7_PZW{=kswhaRHCtjCw&N#pSkarLPV>sRCQVnMGI2pX4%CXCI;cqr+IQdEar|0<LMh"
    "G`CEVo?f<OIX~>1*pjxWeU5~6`*l>u%L0<yM}4+ZQS-GWDM`$#_d7EZ_g|H+lx#G+pk&D1>t=koa6wFGrkm7G>BnvQFl"
    "B~c0Nx$LJTXyj1e2L>lF<H<=mV^6fqSCzl>{okUT`(VG)p|3(hIX_nea4=w!z!nH)(MzNeDqakV7vuIFtoNo(}zIPGo@"
    "?0op|*%(N=*>OuIM^cx*on>v$vPb%G`}x7v@*`W%Nr!3e;;|$E;T8S&32l`I<0Oc+e^i5#74@qMGh&ffcav{`=%qhAUH"
    "QSu$&Z|@oD`c!!8<H{yZidkt`VNQfT;<dw~$bAB99(9VfjR(gvg`j!pR2Jj9}Pm#&D*;cKl5yN78sq@safC-e2<e{;Fp"
    "5M%tr${NU{Shl*_&LMBOg<*ri($WHV$<L4IW#f6DsSFB3}->)eIg3`w&yFNSiFwZpHFe5!Q46ciKK%<c#>Z>J;L4+L!u"
    "t9+~xe@P*jBsu7E^J!CM#~DLBjb2V&q3j~b)#jVkH<52(-5jnK^8WtG*9J^LQf~@y=aqxM*7rC^w7`hpce?R)ol605Va"
    "{T1{SV7;*yQ^6`3P|lgGXo+!aIZ6qSe(8zx3{VNDQQvH`>M28d$B18Idak+~>qvi+mYzHh?7_n@#QbQIGlf&losVuI8q"
    "Q3<VJQ4VilK^8c}|BA0@C^E4^Ol>K;eF186CLskrSYgfX$$0~3Z|9-T&7<{p4#C5uIY#=3>hr}AOx3O#8Ob)x-<4(h_R"
    "XAh!s}T4et0sCXVN^%tu0GR3{l0b;At<0Bbg#}<e*>YKlnQTQC{Av&xmnPy?o+L0e(@DdEWIS=UoTztFA;yZ)r*JL61Z"
    "<K?5d2_a4&SLGIN|0YvTAo5)FQwcDCZj-+g8Gr>YUheZLFDopPr(Hx%34ZZ{22Kd#T813*!slzK=!rv0zES(?Gp&+J1x"
    "+7#5;(Ig<E(QgP*7QHLZ^5H&WN--6>Do3%huyD>8iwlfs9g*mZCiswaN|XY%D1|cLa6lu=xDhA7r!(msL2^+3jNI<`dj"
    "1jVBsA&I$V!MbCF<8=uK=UoB>y7Yk-<uJ}qd3m7sBXu;7O2!>!QA(J(zEcjXBhr;ilMw>^~a#^u4n`dcqFAepG5G?bR8"
    "6wvF5!%sJo^u61$`L=+2UAg9EIRrI1{idL~0tAiA1BJa?xPm(lF9<D)5yH?WUC&$z1gOaoX9})4xJSZc*Y=>aWD3h>P)"
    "?Ihx=h`IfUrr|gKKo|!QBZSxmiJ@PSm<3lOyS-g1TeIu^1gm>uci7JOk8Ob?W+S4~d{jLrV6Qo=(E>S19SFoTcHfw8V{"
    "HF**E+-Pll-8+_#YVy(QzKFHC&*96Fe3~RbDryEWcueKVD`VF|WiIgYih)xGMMPKIakb$LR4FSca2fuIKq6N@E-7}=eq"
    "q|80LaMYa@snE-KXYT^q+>jSFEk+ccUKWT!H1St=j!VJEVhQ>Tz`Te@NcnuV3oTko8QlDjW@b(3kD5^FmU+P>!YV%A3d"
    "Xby+@gr?QawmA!cenbK-W=`PuS;kjc}qDQq=k2vKa#bAb`2i^*V@`q75}8tt*xTNadUk|*~mcpjTlK66*fTrIA};%%+C"
    "mx`kus$=1%5#zB$bGq2m6T_azWU-U9YMEl9DBpzao+hIBtGIrvFk=zX>T`jQr}wRUa-+Iu?pxQW-`NNqioB#0l?r|dH+"
    "#p7QgeB>@NM_+WO60NP*d3|3P!^y9sS+0-WkU|;}jj^=-3P{_r2Agw|w`^ThjpNdb+*OclYV$Zuj<aYoG4y{^e;ii6jn"
    "(I-KNFCGe*XII4i71~^p!r~AL3un0hNElz~d&oi@R7G!<^FWq(Id+LPLz7Flnn$|EHpvVMLE-#<ejIo-&6#gYV5F?)!G"
    ">~8dZ&At6i68{jwSCmH!zbnza46%zIH*R*xxgO<t-BsONS}FJ&w*hT2qk1-(HJxjRu=gZ4|$vfp7l?@LcD=Qiw^7g=`s"
    "uA+>8h5bNy(`{|{QOT|Cq;4f3cn8micF^m1T06wSVbt!9YK^r|^j1g7Y}Cx2{J^brL-_^7DHD$IyTyt4GEg{056vh)zr"
    "*~D&S`^3?yL_D&xDca}oF%_*uPlO!TE{oh_@#*E1Pp+SQ=5oqL%UB)^EyU1^yKh4DwmObAnc^VjE6Xr~bO7F0Z>w*3M<"
    "#vutUdx_tz?`R3{L7;aMG5WJl$M-vT^pz##&N7q403pz2`VVO-`Q{{3PJ0+tX7ypPak-%&DBFHEvf{BL-1KE2iPhoE>$"
    "-a6nIw60@zstY=~7<RkbIl87yQH3#G%s69a1uDu6CqUI_6PwBUK>j}o5L<cB27wN$1&|B;+cw$jPN9}bU39WiQ(dEE<I"
    "`rw?6T6;OJJZ1ad}y}{{C*6dtn;Hz3Hkbr2U1x(EG$2fi1iPH|AT*Moyc&lA6_IP7>=rV8;t4&-}H#b1WlarfE7Y2WQG"
    "wk`m#&mP?6x)e{kam?fVcF)q^kf0ZP!B%PeK-u2tRx7kLj87hKXrvuK#GMDap{vkHsmAuQOf&joOa5rbCeL-_&o{@;mk"
    "NDN{RlGs2Gz*)qyV{i_4^TQ$srbm{1u1?9dDkdYwfnh+(RYA+u!LZ*aE13o*b0)BD@C_TRUTg~le44^%C|s#7&L$z|R6"
    "wVJ$o~BHIq_ZU%T2pR?EBUK{tlN0m4am+(`%s4$67Fv>tguRw5hu^$Wz3s>#Yq2oVkzrMwKSSdaa4mU-i47IX*I96Y~f"
    "pOOqFhjx_^keCC=6IbaUtuyQX*8iZW8XWXJRQO5q^M&G5Z7occ^7fN2hU>NoCKb{}+4`;*tle1%zdZvp3gqM7yzwl3XA"
    "Ch{S%0HTt@=u$j(geM)fK5hMQtt@-4|fD6yC+AM|I=&kKP=e70u7rCQHc)rI?yW?_Gn$tKN!>dCvw7LdjD`t?;r0-ab}"
    "3?p!f95gzTz^V3WbSsUBSa@JaPgKDd&`#r_8uXU`>(LiOVd`}jpi{&g`5Wqj?|uZwKb_29W<+E?2#?W@OI`w8u|grQAa"
    "uqnU{5KYf7ti<DHTt=bzeJDXq9tl5$FS~ywlPl<iDky&Y@q@DxIQ_sSO{FXp4gC<*<cOjP(E@cqud*hn$>~=@DN0P(WN"
    ";P5mOc>^clP1$aw5A(2ZH@7Xg<EYAo`07qQ}V1xK1>2U*$BjHp?u)Kst!Xue`EggsH-jsw7*<ZR<}YibAk`Vg+jy3N9d"
    "i0kww<-X7d*^7RjAQ?v;KJQGA51ESC%!^lyEF$Wove#!02m@XufU8ct9COT(>%}|<7ZqD=KH01sw5PYfZED#`<)n6UC3"
    "+$NN!ZwPiHi9byVgC*=KGTp{hRpVDx9?v?`CEk<AxJzw=n^&=+>(CT@hh1eMJM73a3-8Taw}<V9NjjOKB&Sh41~LY53s"
    "SnR?JA3MIL!o%E-;&#$1+?^v+14)*t!A!u|%M*MyB+0XF7}u%sGc)YpebG%K)9)PTpE7*9~(hpzxpZ3^RS63LBdP;*GI"
    "gcR4_t>Y8MInU9wRhdqR%M=w56?_wd#;ZFnC&E<j*Ah9z#`u{a)HkGWfPQ4!X~9_>`|n8f@Tsp*8AM7kB~bfIquNKfFo"
    "AQu@aXlzBR7W_wJk&#X3y}d!pN8;(OMX><dg)jOu-liT{ap<F>AC!0DM-Q=(CR5g-!bJ-a9!!Qii4|flHhTdhGEtV9^@"
    "dy$43lVo^XeKQ36`ixZ9>e)!mcc7P7)`c}u3peAQhnt*e<BZ8j+3zKAV9gB)|L6I(>{7?sMgu*1ik$q(Rjv~y6qJbgUY"
    "KEhkq8MLjx({_q@r#owD(>Y`g&BxMjbmA+YVs)o)a3M^!Xv8P<%U!lhNz9pVXGN~n9g>blgW{Ex%qg@ZET$G7Kl;iiZ%"
    "^~t!8u+%}Y^~^QB#i6yAJe3?D|+1}oK!AxL-ZZ_RPW29ZI#_6vipW(Z?Cj{4+^5ER@57nlKrC4Og#cN1r1n`X==PEzIP"
    "J{i-6WI>^cUfk$66eC|rjQNJ*peWHWk#l;s;W1XRKy7+>W!Q<Xa`Sy=Xl*XqAmGI4UmEbMyFPyl-YghFK||p>_QU1C`z"
    "i-~#Yxj-{?N$ZmnH#(5sXtZ?gM=FKxM&Rd;ucX5(2*naghbT57EcJ$bvsW9z3?zoYR82;u5N%w6pL@eC@1uV1kXBL7D)"
    "H&TsUog~c=l14#vSX#4>4iosSho}Q?7Nq|j8N7FAmekGHm=xE0=nH)tmb;m%$O3Ldt?OcXrzze|7Y$3M^x>SZ#a1EAtI"
    "MNFrk}vFv$RyB$e|>d`74{>0o9bxBuU@<nG|nV9VV{{O0wzjtn_qml{K|LDNj*L1rKve#e(|n^HrSpyyDKmEmbWRaC0Y"
    "m<10L>YctHq5`l|?jt1ttD^qsOkY%;hdorovEH9f9!TANo3o87l$awSDm?WIL^BrEnrzBEYrfz~!nnMhCf*on#Spf_DY"
    "-7}<t<72ca7d`g7)V*Q|ZCFzR3Iz*#uzyY>#;*2~EN%gOXmk0F%wVxIro1gX!V)m3=K8(321ty#AiCbV7q2obc^q}XL@"
    "B9_!Og2N6ERQLW5?%4exR?M5WX*=mnjJylpL0_+!o+WGsqzSTc`cM6Y=b~(}yWfY>?X&?X{&Sh_G~zASSf$4IiAlBy#i"
    "~JxrKhk5e`Ip^oODE%IdRU-Me8EqRS9nqxKUi7+#Bb+!;P<agI?2Y@n_TOSL2a7Brhk_22z`>yAS;h<oe;nU!5IiDxP`"
    "FS$@eVz>ed7cb6ev%{VbRj4jRVTP3HCi14Tg`BtO);DN)fvejUrxT-;+rOnOu(q)j{Ib=EU0Sm0iS&kV@T6cn_DGf1TW"
    "2ICNRZwJh^K%Zlm+cU3D7u#ToQm8z$CgFpPTQlGi~Jq2$U}r2-!>*9oo?qPeUO4JKj`Ja~r%z~{H{gqA!%(KSCSX-Lgq"
    ">=ME!2m<Ba_=fbS&BY8La26>nrVZLoXW=<@l|_*d3VZaljB?Z=IGP!DHlI^i=U#^d7_CgHO!T9#PZ>~92COU!YZi^9SQ"
    ">HiyrTsQl?OKK81r_#nK%*Lbi?-ht@8?iTP(UO=)c*5`?_l{S{SxRif2s**u{6zkuSqxs~HlVbj;W^WEU2b)1vy1>f1e"
    "sSN0qNAmSIJor<@oYLGrA%yzRn>jSWas;Z4}q6vpXWwh(SPX%8Z46*nW3e#Nj6ig?73d8VD%>kxrrU0air@kj*5|^vmP"
    "y!#U!7)kXhY=^iO>)%qM=jqLth~Hn<rRH-y|hWhOk1DbH|{<H@KJ2+UuNq;HRu3a&3F=`dtTOE7jkbGHigyhYcjctX57"
    "1DYq48+M;R#ZkC(ebFZO+2*%fMZ;r74;K{az2wwf(}7(<F`aOTBN>AdpGI!U9|9JlEYJv5xU4nYXNua`5P2#OnuJ6>7D"
    "uhY*;YR@{$)Qwb52Yco0utvWyDQJ51P`-L$>JFqRGDg$Qj$1N0l484JCUwJf%$L_BytoMAm1`1A>y>*E$fAS>@Pv+p(2"
    "760Ni_+*a|4xpu%8(2y{gZX)1vs++|wfwW5}cFP%83O<-KiGnA;S-YP3J1u*1OpCj$d~OkMvyT<{xr!PFJt0;EBni4&T"
    "poZpmmxenN-+JGU^GsYM&Ft<nWQ0c*b;Ib)J<oc9zl9Fz|`xC{fPF`d`aaH}4i|mu;ET+j*mZoDC(@BbwiL}Bpsd14<3"
    "L9s2OnuxVbK!SA6XP^I-*w{b)+uMZCVjElM@!Gqc;xdr5fYCNjWCAgyP7cu(S0eWci4Y8W8A&I-bjjS>jtC9wC`BAk62"
    "H<q`IQLmPo-?GbVu)+xX(vnJx)GFwr|0))`GXKt5@BJnj&Tj?<K28V!T3W{BDJv1HiCqQDrH^k%g%xv=lRba1ibVB(Zx"
    "i%GW@>E=jXIyfD8%IU$T1!q!tCU|8wMVh0FLjPf_8T^}ad`O$YPi2}%&7Uzmr1gI!Gz<?7tD^V?wuy&2Q@fsAtU6gtMk"
    "a~`*T3KiAHP2N!rOW(J2zXAMLEDw+t^=Zqqy)LZDfJo)vh0Izh~2(wu}~vd}O0TD2}2*vx$Rd)9&ovnZJ8xH)&zLRak2"
    "kd;|4@-yP(iK9|xZ4)34i@WAyqC?DGYv1kV<^g#HrDS~~2uyd;wf(RdN0ljic6nRv1#>FRGut#<u^cgnT<|!75BGUqv8"
    "6m<j#Ln<+pGC7S{N6AmQU31NRsN5iV9LNThA>q)az<oykB1<7JRI)OP)ETSbp)dMh?{&3m-vN~T6o#OD|ju!3MLW6sf)"
    "Yo0)ycG+EvL<UHOBP{J>;>Zc=2%QmTs#n3nw+AmqHE%R&RXJn*%68e|$Q<_bywKtXoJ)F8aAT^u8FW>xH~<HqJ6ls&hi"
    "XyagPH>C>C2+BalliBcKo#LR|6W=tB=8zY>3sJzd4B4K7_RA%x;8?^CQ%JDn<zU<d(Lh4~K65W^2IA`G0AAQ9)P(gv0&"
    "0ho;-fxz)Q1nk6#%x=Szy<RmM4I<@Gv_wU}+h^Z}P(8BfTe%_vaL%1vRCzNx(vV0M3F*Kn3gFVbS}7Wk-nseWU>Sv0p-"
    "Lix_~bz}ty&Svl2iF`o|p-REuvhLW(Eg8)w6VET{5hyhwm+}7Z)#7{sbQta&R5}>!6U}=&<vV_1E(c-9+tCSd7a;i@Xy"
    "TlDz#GIJF+C5Jg`(()G`QGz<9~r$$gu(Pz(yZu2k}$!L0Fw;)@t4l$#<C<q@!;iz9sY8@x;QHnioP?=nEIS?&yJfPh%{"
    "KKu;{{~?7|)eK&2Ic#rLdWvj^JVymy#Gc&DJePyrV}3Fk(<ZF8#=RYF&O)5oZvrSS$}oVWu3H~^98W-SXDko;*_B9WwL"
    "UO{Xd`2J{U`mcyVia$ZMIUUj9gXU_{#P-MufM<=*()dNOEtu7cYDowW=pRJ!6Si_!DA}m9=gzy864Vb~S6tHoYk$FS7Z"
    "?kHy#)6l5$~+6zQYhk?M)NaH*FN0nS1ApMF~04C}|G&vd337lSk2bTH|-;!B!=8T<Nqe4!A9iE2xC&x^Vh-A|^{;(ww="
    "}BYyF&eZnDxdT1I6BrsKC#piCpB(O`O0<B*>btv&2F`<~~5!WzOp3<ySQu}viKWolzSEE>5L_@!eCr=p-(xQzwr%If9Z"
    "E8*J#nnrRm>=A0W=nC}D7lZ4(4jS)l*pmyg#$AQ?R7;jx9cwr_mZC&P!sB&k}CGHa{^3QFc%J<+frzIGB&KEMa4*uJr;"
    "pN(B^>#l7@a$z{p_mFJ(IhAH<mLrp0AsDJ&!!B%L`z8o#>d4JhD7KJi_jrW3-^R%|<Xk)1F{%98G#|4~)i{wuHl(Kej{"
    "y3%v@tPdJ@`8Zq>A%MP>B+F~(EmUT0mom2vR1P8f`1g(j?Kn8T0b~}AZ|C5fS@zBxB<(v#4bV8;o1ocpvvvfY+YZ5pfZ"
    "8Wo@iY1l7})}dKFQqQu)6GG3r@#KQvb!39SHY@AaT;#kQN5l0pl(~uv}yA73U<q$A_UJS1t|X$Z@|9s?-u9-})(Ubt2s"
    "8dYwS?!3W38lup?JX|PE4Ch!eL71CpSM*Q*+t`&M#1AW#Crb})J+91OO&VlR`Nhj?H+o0u)rA470MIwv7os4)6c=IfYp"
    "H~*ZKuC(fb|_Qjq~8Ol19zTHWHAD&l1t1hv<&%)hlZ_tQ`!a{4eD~MC6lNU%h|SbPQGn)Eq;rW80zXE>sK-c5zWzw+3)"
    "1$UfpHbWb{so(LWB5C8C6T^r^2%V{VAIt~6vQ53A*n+Og~EY0K65IgB~4>cDguD{dRq#Dv&JDO3&0!&WmSG%41`%}R$b"
    ")Qa*MzsO3Eo~$Ps%ch4wVqBZRr8OEFk<02wEKv%q_N)vV?1rsoNMX`^L=&aJ@Tq828@8G;yeK;4_{F&l7$YHBKlqGRWl"
    "sdZ6Q4~m^sS7;pz-V_{U%F!Af7NmvT7YvlMbzFZ9)`Ptg%@z8u5oR8CwRo=L~FG6sFLtl8YiXq7lO}k_M6H+}Cl|HjZ="
    "K*YPCaotEAopIEvKO?7;l<YGX<@hcTu#!iau#1R23iX<O;eDybvEXN~v*9x=C-!5-FFFXrI^gUmA<O-oNkQ2jZO$D3V)"
    "UZQ%+5MGFuBOfP;C6?A8l%m9J~Lb$QoS=jFdRx0$}JxbN$`A#>|{HX7U$|ub<F%W$DE()XjFdXQ>Tep;<M+Bn{fPEL)Z"
    "L$(w_hnEmsBTf5cg}3oz=a5cJ-#LCbz>8R2RKoK>=n>=UIIhNnMPw%BB+6fzVcgK<vOj7`CSqY_m@0h!d9l+X0yO1rR@"
    "E?H?O-8w%>6BeqY!(h)HbA?KwP1HJ(kD2@RyqrymnPOM$ob^BFDgaaLNvEM?Lp=N4D0YK*X$_*q4WQ*{68)9*L@}m%<0"
    "!8|2c;dZ9j$M}rHL6-y*XIYmC>x7Fed6;8lu+b7B|9hThFPS4N=?dPkE4!zCT=NcL?_uL=kIA3T!flNUE>x3LT2QSYm`"
    "i-hRpOq$xxbUjyi?5Wf`SWg@R)+6p_-PI0>Sc@V&QXbO1}hgqSC6j~FU2x@YLv+x}is(c7hbC~aHrVym%v#eM3HH=Z%i"
    "gyt*vKGC&m&JgP#{S`!M8mk%L1u>sQg}SRZx?~Rx56jxUupd#<h#=bnGuD}L#jCmtHI&Fs$OEu#}uR)t4w>flLVO+amQ"
    "j0o<#PzWlqdn=ETgF46RNVLZ4FCD~b39rV>tM@pzAWW{Soaw<tMzX_IEp)lf;nHxhl2O&@g#sHtcI^450AKd=tDxdmyo"
    "uZP$?XP&niYKecS=I7NLmdc9UfQP~WCymLrXdA*a<MAtI)*&zfj=f?#H9iH5DE9l!^HUB?2h4|S?>NsCnb9WC9rNb!_M"
    "x(CD}YFR*?rCTPmukSSYJ<-h1cDW;+@alJs-uUnyWT*-{Lv<F;0rp-$wv-*TPma`ZE1iD?$Ky1T<NhD0p8{f|{Ihq+n-"
    "bIf3}8yyr7{&rZp%K8Yt*%$!Lv=fsLeS39oB<Vd<{|0n`HW%h099XAlY;Evm|T!mO}sPF4lJBb+}WpQbwJW@bg`$B_Es"
    "6VR7Dj%6(^!+2>|F*S;Mj!v~9d^&cUD_Z#?p_>9P?N`b9m1F0zmmySbX0`VwK={Emmh@-i?K2q9V-`T8`6u$iwMN|z2x"
    "_FIdGG;i~GUu_i*yoTm&^a)0jf9S?EHCB0niP89h@mOo5zRiFpdc?=QU#zb5O6poS+~&>+F}S)M>E1f*cWQo+UR22Hdi"
    "9QKE7Al?y1{U>dL);2{;s`af4hlq1nQZ^Eb&9T84jb|DWz^}IRSvaV><aR!dJ}%r9Xz`@~g|qyZob=zQx2{OU1L1qy7n"
    "q(zIUo>%?*{@zv1PJ0B}<K>g_Bp7oXc|1F<r;T?M@+U1))QsA4}d}XW@oAOYX1Js5X`-;8ftH*PAlgTkz9IU6<pdt^qX"
    "yKp@UNjuJq@)#>?>OPE1q70C!U$L2KyLQyLEn_{~OGR?#Tg5Ao8cN{nFeU?2>tIx9(z4r_2^h8Y1ow@LhQ@-zbI>^%P!"
    "OIN8<mzRbY|u=*Qa&Kj-56->c*0|+Ggetea}Qrbxgn`sF$1FtK#1<cgD3y$aq1J2HsNg9K3DTRe!U)0NJ?@ryie1n=<("
    "bC&xKt(L>nz1VD@cfN#7IM8)Ufc-9?rsvZ5zO1%T4l4I}egfC|REWkLNu7znR}7xr(_KM=%cat)Zp{vM`*jxl)0o(3i3"
    "Rh)NT=br3er=vPsH)iTS<(1keU90bC9$O-WrdMiV2j+ObP7~^>;8j}V&+hY9a>Ct-eW>31Qv=GfMzAnUM+@=HqPZ6Iw_"
    "p*r0nYYWFiDCA*%S>Od~Z#bLS-T<UWhFGrZpBigb(4RPxU_<U$pX->M}fXR+nL93TCT(BLr;RURpD{V43LRHKQgg<3ai"
    "IrsCQ{ylp9-bo-U#_M423qTh@Jw_?$t4Qw@oKU3U8OtYufESyfW<m8&9ugH=TnOD4Bx<LrVu@^>HGIrCK9bd`hNIJ`HH"
    "l_=SRs^@@z-W{@L)6}9`#xLyNwkTYfkI&jjD~a{opOQ?&J>8+j9H}bl`i~1>5|_oHT6W^g)?`ToXDG$t+j<Sx40jk9(v"
    "yYd*O!POYZ-jRIS5>&A}yGhmCG_+>*(W)Xz3H_m-R*Cc1Xl>$7u1v=Qo&4fu^*AVKCDP~uY|j9^44JRll`$A^FzCl=&`"
    "<4X=D>dT8UhVG%~u}2+OEsK>cixuybIi@c317(XF2d(r53)O+i8F@}#K$vvG^N)rppYow+NG~^qM>Ay2R!O6e3uX!d4V"
    "yDUNb!Ba`3q>nkcI3Te9jjYhKNk>i&nliUh^$-(&g&OYYpy*XTg+Piky233HvW|C%1&u6gBz;Yc2&$n%_sxk0Y<$ewFw"
    "AnvC8>^_gSXWXm5$ucGn9LNj^2dPjJInj9XRfV}}OvN(&YRtdsZGkF))ZZ8Cl%iRLrt@n(ONKq~hv{W+%Nvce^x|m<}#"
    "Z=h)2euX8(1(q#i*ekbfz<C7AYXpD4|apaYD(m<!kEK?@xwH-C^hla7^e#j$@a@0MQ^dua2%F+4qaq<it(H;PLZIsmB%"
    "9*(%&|uw@t?_V}GT;g285(;V*AlRGdX+%cBv6lHWfTs!d@|pQZ8eHJ-HQ&!X=MqC>H-l=PKnp+m7JOa0q^`gh~<VL@lM"
    "2+x|+-XQY_gE<!((LD>bcKS_4u{KGA4?>4xPm*>Pn4M+CD{l#Ea{5kTaZ<Ul9L%=^V1l~20$5<GcO`n)W6gk4omqy$un"
    "2|az)?d{&i#4ml^>H{^W)M<uZ1Ja39Jkj;-uX2U)j`Ov*q9DYqaZYY+UXZCg1=MR1xuuD6u_<YB@t_ykYU>+7<hL@k9l"
    "1qG+<OXtJ+-+kjs{445EPfFU@hs<@xi$PaXG{Q9~if`p8XUq(K=`WLXIu6iPh(Pw8nA`wOMg!7Y!0SJyc=)6;n=n3^|^"
    "aIxZM>+RXg_&z0Z8!6^ZD+nlGZ^!YB5oloTT?bEjPj{^`PnM!CfuU>n-qqyY3sRWe5y+eTg?=Us4I!5DuidNBAS4X3Jr"
    "-pe^oPi6@B4@&rHtirIVU9yf0LnqChEu3_Rm+9qJp0(w;f6cd#fyd_`^8Bn+sWH3u3Q2*vEla>l()@%yoIe?>IN)K*Kx"
    "G!bfD20`O=O(9x6>oeOx2c?@f9U~y09M_agF`15emV`+2u;kGf9c*bwx3H<0gzchK`T@r0*R$Zrr6=-5FE?K1a?8t}!k"
    "s%Z14J)f)0{QO8Ph($+7&N&b0Ckn+deouR5L^IaWEg`UCnd|(}_6X!sgeLAAnymos+$7A$GUnri;&xO&B!c50>@&)0O%"
    "2sNYZ0pMwN*gyejX^Ev*k?W)&y)iwVCQzdfdL}C?Sy&zlLE3+otZacQz5C|T<c!vP0O<|amgn79Fs80>1Khju+3(X2Pa"
    "hg_wkK^59zF5?f(*7dbedKCWx|b#Sls=+&6IwJZG8#g}qs87US9h<u*t=1m9?SbM=BbIcX~J!a@QPiK)K4)&wW+swsI-"
    "ap4bmO+W-bOun`-C5Rr8nk1|+E9o)sc=C`eC}2JKTr&^Udhp#B^|<MLp^t!x1BdSlrP%fiV?;9Qv<KXdMDp7^XH(zCqT"
    "<CaVwNPBJCLC`qeQ|Nu10FBFoh1mr7ohd}m53?x=F{;rRBcm5ZL#Va}H@sSN`>TV#>}X;)vNZ#)HMyN7Xh#@=#^u36X5"
    "*mD8d?TgDCwb`I6YWEkA3B5FM+=lb>P}gw6+uFZZ;R10=DS90cvviO`-Qq@KQ+>r-vq(1Rek}7KUGpl_k^g3T!oF6sFj"
    "`%O3Z~gC6&X3H^ahXrB9<i%Iy|#UP4(;<I_mM|D!?p4OwTZGGw?<h?a%@@gvblaf~X5;QI!61+79LF4pbA<`-j0UD==6"
    "t?uR9b6tPyzTx@CRb8yow-i<Qe)sui(2|qYx_4rxjZpnGndIqr`!r#&ERHw#Z)R7G{F3=l$BpbS@TONNzn=}Yyp>1ZB$"
    "wdn}yB7?ZV{~Km#1melKI&G&nIMMjN2e?;ZOAUJ@_}sgPpg@>J1`N<*2eJCW=`a%UKv%Y=KDjOQX6rAz}!LXza4m#$q("
    "Q<pg1o$YQ-iaE3wStK-C_2jVRBuun>(8c}dqD^;Ts~O`J<)C^zPQQSifSpI&GXbW#s`P-Net$)`t6mI3K$8Y7n%VE<2!"
    "6mLsu_*gxzFb*QKiD?7%i@B0F2YiN}%`t2H5AMrNoTF-L_dBwYhcNnlO%^9GMry;JkJL(H0<Dexs!~7}e7@{E3tXK(By"
    "2vy&tHq77qU5ab-@2;r{+_;UdG^oC9Vlaa)j{G`f|Au~khPbc5DvucdFRUu9Ivinyuxr#Ce2IfF+Z!1)rBJWK~FUjmox"
    "~L;7z=Y;p(A9H4*JC#5S*rZJuMnHgn52opLRysTxhSn+KJ?*PePY(1oNdHo5&$(h50-+TDl>=a&E+A5DLqV$+k*t}MRe"
    "MR2(Vpd!<1Dhig(Kg+8jUoE8>dZ!iH~X%VHhqn$rPSO#ocmguo{7o%1?#03L>(mnuw;Cav{td{*V}Bv1I(V1G%79xGu+"
    "pbTAxmc>ol&&k<eSnwp<gHJ3lK&VP*4fp)JXGtNdO+m~ji62uSNNNwsGY;mAmGmMhZyBOPk*6k&kG_Y{_YZV8a;gHs$G"
    "Y(Yo-{~3*0><bu+<FFC3S}ZpmDid;H#8X^Ik-Y;}_I1&`R6bO4~ZELm^nnG2>m6gwJfJ<Ko5&QEiHn(4-~(EREZTg>9{"
    "*{l-`~4_*+}rYMXh&Jc*YYU2z6^W{IBA)4TC^cbErdu!q=y}cT@7YSH10MnCX$7}Oe=>fD8umHHGF$&<>x%G4VW?my7+"
    "-iZrmWkIz(IUp-;TQqHxzVjGuSDKGo9>jY-8)T~>Ab*_a^GC)48P2x%M4n0h6RW6t4@NNoH3_x^PxHE+gu(jjJ@(#csh"
    "trijAK5EjLVGOvEezY?`IXhnuRI4kn6`7%ukaC!Uyrg{7>xZvoJ_LR!EbfJ`M|incGdhE57Ppc}`@u<-{Hws0DS_XNr9"
    "Ku(`7XkRTL$Pb2}h`f6nY@yl|Ch#P^ny1&Hq$f+*&e`{CBR)uWE(GhLIf_Hn$#4T_ShT-jKKOx?o+YUxQD;``_Vv{=AH"
    "fChsK!syoPOrU?Zd*iBUMh9&p~+xpi{w1_T#8olJvR<%QGH2K*5tjTn9*D&LpTIY{h<3`tHw(P#zTK0XsP1^hGB=mh{E"
    "8b(7O@MQysflG<4XWlv~R$7gFjp(c#2&=6AdILgKye$5rg0uSzEpK9`b?lZ2rS5%AZ$bGpruBaqb=5kdQM@6qX0U!lGJ"
    "q%g!>x+x+0fxwp{qu^J2OH_acyYFW;=`ltc_l>P{nKAf7Q%7&&-@gNph6!zu{2Vl=N7UDgsMee209LIIDF#VkoW9<z4k"
    "Xw@@>#Ez8)jXB;C|!q@|CWH+)J&al|bbzYO9h^Umk+p3mi^8c*YwDdShmzX=+bZwc)U``%urdyv&wH6mw1tT{0v>Ff`u"
    "AhC&=TyL#N0FPS8y7D6rYku^>^xeHK>l;H%Z|^BgP?N)F6Ba*bi4H}6EP3Nvg2w41g+2srKhwy)hr>)?7+!m0Nzep_e#"
    "Sd)Tb$3kn?+bEldTP6q?Vg`tlZio@!rmm`Tb^w*Q?szw8*u}ow_fwxX=<*GL0)$Ej=*8Lm#_fS7|S=MF-LyCBP%RFzw&"
    "cDrxE*834mg9rs^IRYWe=ahOy%8&)LOx>>E8C9ICiNQ4zf$>Wtg-sU~96MkrgyS;fOz*@Oz(;kgOUEC)Hh}*fYoWP;5#"
    "u0k!J~f@lAOy8NV5?b_k)*f-IH4|DyL^iPD}qa(YyjF3{pi?61|Ksv)3F=y5)BBS%-H;%Y2ynfsdyiAxa*D6#;@;eo|3"
    "z94(^syavPoGCMbswG_fP2XyS5g{>J9Uk7{oDjm<_E9Sv<}?dR*gd|}G5%kLjbXU%@vxT1c`1@=idJ8q59QIw-N8<ubd"
    "dEXX!4N#NQvxOg=%TK|H{S50xt7o@fO%B*<hCoUEo_X_p+O6-oC)6bYmBB(aV+5wSBpi7KE*oFg95B=e`#`YK2SVc=*X"
    "F9lDQ6n(nT>0FHZAYLp2m@#@moHy@|Z&<26V=Yehx1fVtgUs&UmMtC+}x40g~%i+XCb$0b$@7vxX;z=4|1O+d<%$hg-0"
    "S?;^X?yQZBP$d9L|2=RcwY|9xSQtqfCL#E7SY3Q?X9MsWiM@HB^(+G(8w!FZbF6q`TaSDrf4`>i&1Q>6W2J6Id;JTn=_"
    "UT{VJPeoiDLgM8%9TSHMdY=8*07-3G}S;p<bjn|Je#gxejl9p4z;(^lj#-?Yl1U0TbzkRwJGvpso<p|4UXs)OkTdU<+m"
    "a?eI0UZUyD2h-HM!}jD303+ZC!!VTeO|U$jS0{QBLxP;H6=GzqP4S<upDn9|8Z=~|d3VdAeWbC!+fQylN9C8F}8Rb8^m"
    "x(Wt#U^_WX6<$sl#}o1QJP8`7vjt@$#tb))ASOwd#^fdn(DAE%CxZJ4d(bf4yjC-Y6W#bS9hR@sqr0rLD9nGnM&RV{%^"
    "Tuvxg*}jnL!)p1-UoN-fQ+{lT3OT3Vd(|xgK}L+xQaH<P2#6)0yy#yv3I{Kv3||_}S3jL8CQ9-VJC4rRaqqLX}F~_-DQ"
    "{+=`^{zViWUawbCpr`_nuEZ8JIpAYRZfMGW0hGjCNLc9W5u>X_tzkdD?PwSaa>wWmyE{P;Phgk}cq*uu;Ku?rsGxxu!t"
    "pso(iHa+?gP@XHJnBeLlds!J*x61J0RQea<YNdwy=LALG|os;m~-7@!ykC0s-?4Vn+bCUJA}3QSPv!rSkg-SL_A|9kj|"
    "RfWgy2p8=eM|GIxfSGkSjwYoeo)<rBe3{?}s%%rleY{`$sl@`)gQD~4~Spdi86r2!Cw6^+eZk2iyf<Qp5M^1e$L;?DH$"
    "Jt0#o?0R1_$+tGMyb0A;rsAr2D$T}OGh0rhN&51Q2LQg@<#}n0o=y2=3i7eN{f3I5CWqe?yn_fq<Mbeby?1;`IXdt&cF"
    "UASZq&K0GfCWA#cT3Enr|5ZL>k?Zh;%6*`zJmMI$`GTbUDb!uIaBkX1VU3_Sy*JA_zV_@V$&M&wcs8xCnFAAd-oXBw-5"
    "8#UQGYK-@(f_G6zu@e+>a2FCYwVFywK<cDDa(HYwpeKRHa*umo!Up?tRxZD1xp2Wg?m3T*L-5k70dJKzw1xgKby^N%AX"
    "G5dfq{-6Ir&Rx|@S^?I<`&nSadFOAqG+88;>je0$J6PH0;kUj7;5~g5l5@8SA!PueEN^}R=%H3IEzyw>5~QOud35wKxZ"
    "8A9rcY~C^k~hI?B;shw|G~>ige5h3Tw3BF`NoVLdd)c8Dd940I^+Whtj32^|VOHL1OiNPJf1^^l8?$`6~H%Z~)#Fr1XI"
    "PcBs|QvM*KK?q#q2g9qx_F5P&+6lY+NC9ec9?8P0xL3xl$v&_cEeXr_r?7ZwYCfHXd~ajONHl&*;Al983X4(HupG33MJ"
    "q*oI&pVY_eovVu+O|p)ndk%aD7-dCC!)raGqxh3vUQLD@1QRm8SR>+<5=JU8it$-acz_sx0`k$2~X4)goh_&-xzwK5KQ"
    "FEGU*{HRgA)1k9b;uR+fW2gPXnnOp;7RB(&W8q|Vii0o+Y>}QH*#m7fE9XR_V5$Z?GT-0Wa38VY8V<UtMe&Ho|Q`p-^3"
    "g6LR?k@O^c)!uq`({h;yPJ#NGbAdZX*2-#hb*qyHx{RSV}t4V0boa5mQm^{{LKN4?;PJS?cuejzkbx)P=bD<fYypEeYD"
    "LW&O1SHpI_czLWp%~f;o01ff?w3ZO*IRH6RYq|A^~zo`P}a{ST)&$RaTVKE4_PErriTV-SfbYE1`hHN(l9`aw!Sj#Ja#"
    "4d42V<~Kj1`He55Gv+Dd#a9uq*I=M+$9M4zBB=x4bY5f`Rc;{n?d|Qqhi_#qE#v!6A6(A*U6>su@&X@+x!|`8ocW};2H"
    "(8J;$%MF9tnJN=<l5)fl2j|5LmG1v-=#@ps>N&a}OiPV8DwaT&gg25;ff4Y^J}n*`D-UZr{dqA^DNRk1-ucDyw7KpivL"
    "9h9zhmzMJ6Z!rRsV`*<dtB;Fcte)9J1@8O=AJd>)~37d?LqG~*<so0v1jZSu)lF89@P1m(?yGxkuJ|~kaX?_$-=uqe-r"
    "Fd+`t-;ETHQT$7$G~S#8&w<{!G`zHIDsRKAR`L=%#!m|S$Vdy(*(ArVI!8OXV4PV<n*4x#1F0zkk4G>X8?iQP{5k3CxQ"
    "ZPhPi_rtvujI+`jq-4?#_i<ENm~gB8SYuO~K{9B{fNqnoMSjO9YIsri~H+OL8RfURhnqF_yGehzLQ6qa6_jwiCzzyBzT"
    "LjfF~WL5DQFdI#bZlc>WqZYEns80$Xy99Xf0;r)Ygm&)RAL4lP%Ny_f5Jys$47_)Gqha$#lj+SSjiJgQ%U{uZG1zK`h)"
    "nghsW(3__0F$N9hBclCg4yK(3%0(n%qGoXeKm4<MLqP*Y3Z`<Vw0YIm;~>9Zh@I9YEvFM**r$k>`|N_VP+5XVIy}r5cO"
    "#L*qBvIG@pu0@@O}-Ya}ZXs);<pozr>)*B6|H=9pyZs=sJL*M`^Rz`?JkbMtzFx2B{nC-<l(pM0)mELSyMX(l6&3Jx>`"
    "8jy9&Vl18SFv;R1;2#hUHCfocr!^Owk7G^dLgLE5i*5%{(N`O^<rcNZ=#xl{mU-+4Y+gW1Fab%OS*W0pyB<adIQPI?IL"
    "S#A1V6VvDye@94;dL^@=rB7lZQg>vaRaTqW?Es|HL<htHYN1Q9k|n_M(YN+4Pu0ggG5C$hi(KM^uyss"
)


def wordnet_exceptions() -> dict[str, str]:
    """The irregular-form table ROUGE-1.5.5 applies before Porter stemming."""
    text = zlib.decompress(base64.b85decode("".join(_WORDNET_EXCEPTIONS_Z85))).decode("ascii")
    return dict(line.split(" ", 1) for line in text.splitlines())


# ---- tokenization and counts -----------------------------------------------

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TOKEN = re.compile(r"[a-z0-9]+")


def see_sentence_text(sentence: str) -> str | None:
    """What the script reads back from the SEE/HTML line pyrouge writes for a sentence.

    ``None`` when the line would not match (empty text or text starting with ``<``).
    """
    text = " ".join(tok.replace("^", "&circ;") for tok in sentence.split())
    text = text.split("<", 1)[0]
    return text or None


@dataclass(frozen=True)
class NGramCounts:
    """Clipped n-gram hits plus the peer (system) and model (reference) totals."""

    hit: float
    peer: int
    model: int

    @property
    def precision(self) -> float:
        return self.hit / self.peer if self.peer else 0.0

    @property
    def recall(self) -> float:
        return self.hit / self.model if self.model else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


class RougeScorer:
    """ROUGE-N counts with ROUGE-1.5.5 preprocessing; caches stems per instance.

    ``exceptions`` maps irregular inflected forms to base forms; by default the
    WordNet table ROUGE-1.5.5 uses (pass ``{}`` for plain Porter stemming).
    """

    def __init__(
        self,
        stem: bool = True,
        remove_stopwords: bool = True,
        exceptions: Mapping[str, str] | None = None,
    ) -> None:
        self.stem = stem
        self.stopwords = SMART_STOPWORDS if remove_stopwords else frozenset()
        self.exceptions: Mapping[str, str] = (
            wordnet_exceptions() if exceptions is None else exceptions
        )
        self._stems: dict[str, str] = {}

    def _morph(self, token: str) -> str:
        cached = self._stems.get(token)
        if cached is None:
            cached = self.exceptions.get(token) or porter_stem(token)
            self._stems[token] = cached
        return cached

    def tokens(self, sentences: Sequence[str]) -> list[str]:
        """The token stream ROUGE-1.5.5 builds n-grams from, for one summary."""
        parts = [t for t in (see_sentence_text(s) for s in sentences) if t is not None]
        text = " ".join(parts).translate(_ASCII_LOWER)
        out: list[str] = []
        for tok in _TOKEN.findall(text):
            if tok in self.stopwords:
                continue
            out.append(self._morph(tok) if self.stem and len(tok) > 3 else tok)
        return out

    @staticmethod
    def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
        return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    def counts(self, peer: Sequence[str], model: Sequence[str], n: int) -> NGramCounts:
        """ROUGE-N counts of a system summary against one reference (sentence lists)."""
        return self.counts_from_tokens(self.tokens(peer), self.tokens(model), n)

    @classmethod
    def counts_from_tokens(
        cls, peer_tokens: Sequence[str], model_tokens: Sequence[str], n: int
    ) -> NGramCounts:
        peer = cls.ngrams(peer_tokens, n)
        model = cls.ngrams(model_tokens, n)
        hit = sum(min(c, model[g]) for g, c in peer.items() if g in model)
        return NGramCounts(hit, sum(peer.values()), sum(model.values()))
